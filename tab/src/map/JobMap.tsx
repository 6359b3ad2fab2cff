import L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css';
import clusterCss from 'leaflet.markercluster/dist/MarkerCluster.css';
import clusterDefaultCss from 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect, useRef } from 'react';
import type { BoundaryCollection, MapPoints } from '../app/types';

export interface JobMapProps {
  boundaries?: BoundaryCollection;
  points: MapPoints['points'];
  /** Tile URL template from the council's settings; without one the map shows boundaries on a plain background. */
  tileUrl?: string | null;
  tileAttribution?: string | null;
  label: string;
  onSelect: (reference: string) => void;
}

let styled = false;
function addStyles(): void {
  if (styled) return;
  styled = true;
  const style = document.createElement('style');
  style.textContent = `${leafletCss}\n${clusterCss}\n${clusterDefaultCss}`;
  document.head.appendChild(style);
}

const COLOURS: Record<string, string> = { urgent: '#a4262c', high: '#8a4b00', normal: '#0f6cbd', low: '#616161' };

/** Ward boundaries and clustered job markers (Leaflet + markercluster). Needs no tiles. */
export default function JobMap({ boundaries, points, tileUrl, tileAttribution, label, onSelect }: JobMapProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    addStyles();
    (window as unknown as { L: typeof L }).L = L;
    let map: L.Map | undefined;
    let cancelled = false;
    void import('leaflet.markercluster').then(() => {
      if (cancelled || !element.current) return;
      map = L.map(element.current, { preferCanvas: true, attributionControl: !!tileUrl, maxZoom: 19 });
      if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution ?? '' }).addTo(map);
      const wards = boundaries ? L.geoJSON(boundaries as unknown as GeoJSON.FeatureCollection, { style: { color: '#0f6cbd', weight: 2, fillOpacity: 0.05 } }).addTo(map) : undefined;
      wards?.eachLayer((layer) => (layer as L.Path).bindTooltip(((layer as L.GeoJSON).feature as GeoJSON.Feature).properties?.name ?? ''));
      const cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
      for (const point of points) {
        const marker = L.circleMarker([point.latitude, point.longitude], { radius: 7, color: '#ffffff', weight: 2, fillColor: COLOURS[point.priority] ?? '#0f6cbd', fillOpacity: 1 });
        marker.bindTooltip(`${point.reference}: ${point.title}`);
        marker.on('click', () => onSelect(point.reference));
        cluster.addLayer(marker as unknown as L.Marker);
      }
      map.addLayer(cluster);
      const bounds = wards?.getBounds();
      if (bounds?.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
      else if (points.length) map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude])), { padding: [12, 12] });
      else map.setView([51.5, -0.12], 11);
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [boundaries, points, tileUrl, tileAttribution, onSelect]);
  return <div ref={element} className="wl-map" role="region" aria-label={label} />;
}
