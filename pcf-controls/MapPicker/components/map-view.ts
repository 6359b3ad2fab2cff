import * as L from 'leaflet';
import { parseWardBoundary, type AssetInput, type LatLon, type LatLonBounds, type WardInput } from '@wardline/core/geo/browser';
import type { Feature, Geometry } from 'geojson';
import { text } from './messages';

export interface MapViewEvents {
  /** A click on the map or the end of a drag: the user put the pin here. */
  onDrop(point: LatLon): void;
  /** An arrow key on the pin: move it by this many metres. */
  onNudge(key: string, shift: boolean): void;
  /** Enter on the pin: attach to the nearby asset. */
  onAttach(): void;
}

export interface TileOptions {
  template: string;
  attribution: string | null;
}

/** Great Britain, when there is neither a pin nor a ward to show. */
const GREAT_BRITAIN: L.LatLngBoundsExpression = [
  [49.9, -7.6],
  [58.7, 1.8],
];

const toLatLng = (p: LatLon): L.LatLng => L.latLng(p.latitude, p.longitude);
const fromLatLng = (p: L.LatLng): LatLon => ({ latitude: p.lat, longitude: p.lng });

/**
 * The Leaflet map: optional tiles, ward boundaries, nearby assets, the snap circle and the pin.
 * With no tile template it draws vectors only and requests nothing over the network.
 */
export class MapView {
  private readonly map: L.Map;
  private readonly wardLayer: L.GeoJSON;
  private readonly assetLayer: L.LayerGroup;
  private readonly snapCircle: L.Circle;
  private tiles: L.TileLayer | undefined;
  private attribution: L.Control.Attribution | undefined;
  private marker: L.Marker | undefined;
  private disabled = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: MapViewEvents,
    private readonly helpId: string,
  ) {
    container.setAttribute('aria-label', text.mapLabel);
    this.map = L.map(container, { renderer: L.svg(), attributionControl: false, minZoom: 5, maxZoom: 19, zoomSnap: 1, preferCanvas: false });
    this.map.fitBounds(GREAT_BRITAIN);
    this.wardLayer = L.geoJSON(undefined, { interactive: false, style: { color: '#1d70b8', weight: 2, fillOpacity: 0.06 } }).addTo(this.map);
    this.assetLayer = L.layerGroup().addTo(this.map);
    this.snapCircle = L.circle([0, 0], { radius: 1, interactive: false, className: 'wl-snap-circle', color: '#505a5f', weight: 1, dashArray: '4 4', fill: false });
    this.map.on('click', (e: L.LeafletMouseEvent) => {
      if (!this.disabled) this.events.onDrop(fromLatLng(e.latlng));
    });
  }

  setTiles(options: TileOptions | null): void {
    this.tiles?.remove();
    this.attribution?.remove();
    this.tiles = undefined;
    this.attribution = undefined;
    if (!options) return;
    this.attribution = L.control.attribution({ prefix: false }).addTo(this.map);
    this.tiles = L.tileLayer(options.template, { maxZoom: 19, attribution: options.attribution ?? '' }).addTo(this.map);
  }

  setWards(wards: readonly WardInput[]): void {
    this.wardLayer.clearLayers();
    for (const ward of wards) {
      const geometry = parseWardBoundary(ward.boundary, `${ward.code} (${ward.name})`);
      const feature: Feature = { type: 'Feature', properties: { code: ward.code, name: ward.name }, geometry: geometry as Geometry };
      this.wardLayer.addData(feature);
    }
  }

  setAssets(assets: readonly AssetInput[]): void {
    this.assetLayer.clearLayers();
    for (const asset of assets) {
      L.circleMarker([asset.latitude, asset.longitude], { radius: 6, color: '#505a5f', weight: 2, fillColor: '#ffffff', fillOpacity: 1, interactive: false, className: 'wl-asset' }).addTo(this.assetLayer);
    }
  }

  /** Moves (or first places) the pin, with its accessible name, and keeps it in view. */
  setPin(point: LatLon | null, label: string, snapRadius: number, recentre: boolean): void {
    if (!point) {
      this.marker?.remove();
      this.marker = undefined;
      this.snapCircle.remove();
      return;
    }
    const latLng = toLatLng(point);
    if (!this.marker) {
      this.marker = this.createMarker(latLng);
      if (recentre) this.map.setView(latLng, Math.max(this.map.getZoom(), 17));
    } else {
      this.marker.setLatLng(latLng);
      if (recentre) this.map.panInside(latLng, { padding: [40, 40] });
    }
    this.snapCircle.setLatLng(latLng).setRadius(Math.max(snapRadius, 1));
    if (snapRadius > 0) this.snapCircle.addTo(this.map);
    else this.snapCircle.remove();
    const element = this.marker.getElement();
    element?.setAttribute('aria-label', label);
    element?.setAttribute('aria-disabled', String(this.disabled));
  }

  /** Shows the council's wards when there is no pin yet. */
  showBounds(bounds: LatLonBounds | undefined): void {
    if (!bounds) return;
    this.map.fitBounds([
      [bounds.minLatitude, bounds.minLongitude],
      [bounds.maxLatitude, bounds.maxLongitude],
    ]);
  }

  centre(): LatLon {
    return fromLatLng(this.map.getCenter());
  }

  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
    if (this.marker?.dragging) {
      if (disabled) this.marker.dragging.disable();
      else this.marker.dragging.enable();
    }
    this.marker?.getElement()?.setAttribute('aria-disabled', String(disabled));
    this.container.classList.toggle('wl-map--disabled', disabled);
  }

  /** After the host resizes the container. */
  invalidateSize(): void {
    this.map.invalidateSize();
  }

  destroy(): void {
    this.map.remove();
  }

  private createMarker(latLng: L.LatLng): L.Marker {
    const icon = L.divIcon({ className: 'wl-pin', html: '<span class="wl-pin__head" aria-hidden="true"></span>', iconSize: [28, 40], iconAnchor: [14, 40] });
    const marker = L.marker(latLng, { icon, draggable: true, keyboard: false, autoPan: true }).addTo(this.map);
    marker.on('dragend', () => this.events.onDrop(fromLatLng(marker.getLatLng())));
    if (this.disabled) marker.dragging?.disable();
    const element = marker.getElement();
    if (element) {
      element.tabIndex = 0;
      element.setAttribute('role', 'button');
      element.setAttribute('aria-roledescription', 'map pin');
      element.setAttribute('aria-describedby', this.helpId);
      element.addEventListener('keydown', (event) => this.onKey(event));
      // Leaflet would treat a click on the pin as a click on the map.
      L.DomEvent.disableClickPropagation(element);
    }
    return marker;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key.startsWith('Arrow')) {
      event.preventDefault();
      event.stopPropagation();
      if (!this.disabled) this.events.onNudge(event.key, event.shiftKey);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      if (!this.disabled) this.events.onAttach();
    }
  }
}
