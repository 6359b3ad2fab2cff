import { localDistanceMetres, type LatLon } from '@wardline/core/geo/browser';
import type { IInputs, IOutputs } from './generated/ManifestTypes';
import { ASSET_SEARCH_METRES, DEFAULT_SNAP_RADIUS, KEY_STEP_METRES } from './ManifestConstants';
import { loadAssetsNear, loadMapSettings, loadWardsFromDataverse } from './components/dataverse-source';
import { arrowStep, offsetMetres, round6 } from './components/geometry';
import { LocationResolver, type Resolution } from './components/location-resolver';
import { applyResolution, emptyState, type LocationState } from './components/location-state';
import { MapView } from './components/map-view';
import { assetSentence, coordinatesText, text, wardSentence } from './components/messages';
import { Panel } from './components/panel';
import { checkTileTemplate, parseAssets, parseWards } from './components/parse-inputs';
import type { AssetInput, WardInput } from '@wardline/core/geo/browser';

type Context = ComponentFramework.Context<IInputs>;

/**
 * MapPicker: sets a job's latitude and longitude with a pin, shows the ward and nearby assets,
 * snaps to an asset within the radius and hands back the ward code and asset id. index.ts only
 * adapts the framework; the map, panel and lookups live in components/.
 */
export class MapPicker implements ComponentFramework.StandardControl<IInputs, IOutputs> {
  private context!: Context;
  private notifyOutputChanged: () => void = () => undefined;
  private panel!: Panel;
  private view!: MapView;
  private state: LocationState = emptyState();
  private resolution: Resolution | undefined;
  private resolver = new LocationResolver([], []);
  private wards: WardInput[] = [];
  private assets: AssetInput[] = [];
  private inputsSeen: string | undefined;
  private assetsFromDataverse = false;
  private assetsFetchedAround: LatLon | undefined;
  private snap = true;
  private disabled = false;
  private settingsError: string | null = null;
  private locationError: string | null = null;
  private councilSnapRadius: number | null = null;
  private destroyed = false;

  init(context: Context, notifyOutputChanged: () => void, _state: ComponentFramework.Dictionary, container: HTMLDivElement): void {
    this.context = context;
    this.notifyOutputChanged = notifyOutputChanged;
    this.panel = new Panel(container, { onUseMyLocation: () => void this.useMyLocation(), onPlaceAtCentre: () => this.drop(this.view.centre()), onSnapChange: (snap) => (this.snap = snap) }, context.userSettings.isRTL);
    this.view = new MapView(this.panel.mapElement, { onDrop: (p) => this.drop(p), onNudge: (key, shift) => this.nudge(key, shift), onAttach: () => this.attach() }, this.panel.helpId);
    this.readInputs(context);
    this.state.address = context.parameters.address?.raw ?? null;
    this.moveTo(boundPoint(context), { snap: false, recentre: true, notify: false });
    void this.loadFromDataverse(context);
  }

  updateView(context: Context): void {
    this.context = context;
    this.panel.setRtl(context.userSettings.isRTL);
    this.setDisabled(context.mode.isControlDisabled || context.parameters.latitude?.security?.editable === false || context.parameters.longitude?.security?.editable === false);
    const inputsChanged = this.readInputs(context);
    const address = context.parameters.address?.raw ?? null;
    if (address !== this.state.address && address !== this.state.autoAddress) this.state = { ...this.state, address, autoAddress: null };
    const bound = boundPoint(context);
    const moved = !samePoint(bound, this.state.point);
    if (moved) this.moveTo(bound, { snap: false, recentre: true, notify: false });
    else if (inputsChanged) this.reresolve();
    else this.render(false);
  }

  getOutputs(): IOutputs {
    const p = this.state.point;
    return {
      latitude: p?.latitude,
      longitude: p?.longitude,
      wardCode: this.state.ward?.code,
      assetId: this.state.assetId,
      address: this.state.address ?? undefined,
    };
  }

  destroy(): void {
    this.destroyed = true;
    this.view.destroy();
    this.panel.destroy();
  }

  private get radius(): number {
    const fromMaker = this.context.parameters.snapRadius?.raw;
    if (typeof fromMaker === 'number' && fromMaker >= 0) return fromMaker;
    return this.councilSnapRadius ?? DEFAULT_SNAP_RADIUS;
  }

  /** Parses the JSON inputs when they change; returns whether anything changed. */
  private readInputs(context: Context): boolean {
    const p = context.parameters;
    const key = JSON.stringify([p.wards?.raw ?? '', p.assets?.raw ?? '', p.tileUrlTemplate?.raw ?? '', p.tileAttribution?.raw ?? '']);
    if (key === this.inputsSeen) return false;
    this.inputsSeen = key;
    this.settingsError = null;
    try {
      const template = checkTileTemplate(p.tileUrlTemplate?.raw);
      if (template || !context.webAPI) this.view.setTiles(template ? { template, attribution: p.tileAttribution?.raw ?? null } : null);
    } catch (error) {
      this.settingsError = messageOf(error);
      this.view.setTiles(null);
    }
    try {
      this.wards = parseWards(p.wards?.raw);
      this.assets = parseAssets(p.assets?.raw);
      this.assetsFromDataverse = !p.assets?.raw?.trim();
      this.rebuild();
    } catch (error) {
      this.settingsError = messageOf(error);
    }
    return true;
  }

  private rebuild(): void {
    try {
      this.resolver = new LocationResolver(this.wards, this.assets);
      this.view.setWards(this.wards);
    } catch (error) {
      this.settingsError = messageOf(error);
      this.resolver = new LocationResolver([], this.assets);
    }
  }

  /** In a model-driven app: wards, nearby assets and the tile settings the maker left empty. */
  private async loadFromDataverse(context: Context): Promise<void> {
    const webApi = context.webAPI;
    if (!webApi) return;
    const p = context.parameters;
    try {
      if (!p.tileUrlTemplate?.raw?.trim()) {
        const settings = await loadMapSettings(webApi);
        this.councilSnapRadius = settings.snapRadius;
        const template = checkTileTemplate(settings.template);
        this.view.setTiles(template ? { template, attribution: p.tileAttribution?.raw || settings.attribution } : null);
      }
      if (!p.wards?.raw?.trim()) {
        this.wards = await loadWardsFromDataverse(webApi);
        this.rebuild();
      }
      if (this.assetsFromDataverse && this.state.point) await this.refreshAssets(this.state.point);
    } catch (error) {
      this.showLoadError(error);
    }
    if (this.destroyed) return;
    if (!this.state.point) this.view.showBounds(this.resolver.bounds());
    this.reresolve();
  }

  /** The same point against new wards or assets: the ward may change; a snapped asset that still exists stays. */
  private reresolve(): void {
    const point = this.state.point;
    if (!point) return this.render(false);
    const fresh = this.resolver.resolve(point, { snap: false, radiusMetres: this.radius });
    const kept = this.resolution?.snappedTo && this.resolver.assetList.some((a) => a.id === this.resolution?.snappedTo?.asset.id) ? this.resolution.snappedTo : undefined;
    this.resolution = kept ? { ...fresh, snappedTo: kept, nearby: undefined } : fresh;
    this.state = { ...this.state, ward: fresh.ward, assetId: kept?.asset.id };
    this.render(false);
  }

  private showLoadError(error: unknown): void {
    this.settingsError = `The council's map data could not be read: ${messageOf(error)}`;
    if (!this.destroyed) this.render(false);
  }

  private async refreshAssets(around: LatLon): Promise<void> {
    if (!this.assetsFromDataverse || !this.context.webAPI) return;
    if (this.assetsFetchedAround && localDistanceMetres(around, this.assetsFetchedAround) < ASSET_SEARCH_METRES / 2) return;
    this.assetsFetchedAround = around;
    this.assets = await loadAssetsNear(this.context.webAPI, around, ASSET_SEARCH_METRES * 2);
    this.rebuild();
    this.reresolve();
  }

  private drop(point: LatLon): void {
    if (this.disabled) return;
    this.locationError = null;
    this.moveTo(point, { snap: this.snap, recentre: true, notify: true });
    if (this.assetsFromDataverse) void this.refreshAssets(point).catch((error: unknown) => this.showLoadError(error));
  }

  private nudge(key: string, shift: boolean): void {
    const step = arrowStep(key, KEY_STEP_METRES * (shift ? 10 : 1));
    if (!step || this.disabled) return;
    const from = this.state.point ?? this.view.centre();
    this.moveTo(offsetMetres(from, step.north, step.east), { snap: false, recentre: true, notify: true });
  }

  private attach(): void {
    if (this.disabled || !this.state.point) return;
    this.moveTo(this.state.point, { snap: true, recentre: true, notify: true });
  }

  private async useMyLocation(): Promise<void> {
    if (this.disabled) return;
    this.panel.setLocating(true);
    try {
      const position = await this.context.device.getCurrentPosition();
      if (this.destroyed) return;
      this.locationError = null;
      this.drop({ latitude: round6(position.coords.latitude), longitude: round6(position.coords.longitude) });
    } catch (error) {
      if (this.destroyed) return;
      this.locationError = isDenied(error) ? text.denied : text.unavailable;
      this.render(false);
    } finally {
      if (!this.destroyed) this.panel.setLocating(false);
    }
  }

  private moveTo(point: LatLon | null, how: { snap: boolean; recentre: boolean; notify: boolean }): void {
    if (!point) {
      this.resolution = undefined;
      this.state = { ...this.state, point: null, ward: undefined, assetId: undefined };
    } else {
      this.resolution = this.resolver.resolve(point, { snap: how.snap, radiusMetres: this.radius });
      this.state = applyResolution(this.state, this.resolution);
    }
    this.render(how.recentre);
    if (how.notify) this.notifyOutputChanged();
  }

  private render(recentre: boolean): void {
    const r = this.resolution;
    const lines: string[] = [];
    let warning = this.settingsError ?? this.locationError;
    if (!r) {
      lines.push(text.noLocation);
      this.view.setPin(null, '', 0, false);
      this.view.setAssets([]);
      this.panel.setCoordinates('');
    } else {
      const ward = wardSentence(r, this.resolver.wardCount);
      if (ward.warning) warning = warning ?? ward.text;
      else lines.push(ward.text);
      lines.push(assetSentence(r, this.radius));
      const coordinates = coordinatesText(r.point.latitude, r.point.longitude);
      this.view.setPin(r.point, `Job location pin. ${coordinates}. ${ward.text}`, this.snap ? this.radius : 0, recentre);
      this.view.setAssets(this.resolver.assetsNear(r.point, ASSET_SEARCH_METRES).map((m) => m.asset));
      this.panel.setCoordinates(coordinates);
    }
    if (this.disabled) lines.push(text.readOnly);
    this.panel.setStatus(lines);
    this.panel.setWarning(warning);
  }

  private setDisabled(disabled: boolean): void {
    if (disabled === this.disabled) return;
    this.disabled = disabled;
    this.view.setDisabled(disabled);
    this.panel.setDisabled(disabled);
  }
}

function boundPoint(context: Context): LatLon | null {
  const latitude = context.parameters.latitude?.raw;
  const longitude = context.parameters.longitude?.raw;
  if (typeof latitude !== 'number' || typeof longitude !== 'number' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

const samePoint = (a: LatLon | null, b: LatLon | null): boolean => (a === null || b === null ? a === b : Math.abs(a.latitude - b.latitude) < 1e-7 && Math.abs(a.longitude - b.longitude) < 1e-7);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String(error.message) : String(error));

/** The W3C PERMISSION_DENIED code, or the host's own wording for a refusal. */
function isDenied(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; errorCode?: unknown; message?: unknown };
  return e.code === 1 || /denied|permission|not allowed/i.test(String(e.message ?? ''));
}
