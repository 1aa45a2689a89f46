/**
 * `cuecart/studio` — the producer element and its publishers. Side-effect free: call
 * {@link defineStudio} to register `<cuecart-studio>`. The player never imports this entry.
 */
import { CuecartStudio } from './cuecart-studio.js';

export { CuecartStudio } from './cuecart-studio.js';
export type {
  StudioExportDetail,
  StudioExportFormat,
  StudioPublishDetail,
} from './cuecart-studio.js';
export {
  PublishQueue,
  callbackPublisher,
  httpPutPublisher,
  type CuePublisher,
  type HttpPutPublisherOptions,
  type LiveCueEntry,
  type LiveCueList,
  type PublishState,
} from './publishers.js';
export {
  LiveSession,
  ReplayMarks,
  snapToFrame,
  type ReplayMark,
  type StudioProduct,
} from './studio-model.js';
export { addDateRangesToPlaylist, cuesToJsonList, cuesToWebVtt } from '../cues/cue-writers.js';

/**
 * Registers `<cuecart-studio>` in `registry` (default: the page's `customElements`). Safe to call
 * more than once. Previews need `<cuecart-player>` too: load `cuecart/define` (or the CDN build).
 */
export function defineStudio(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(CuecartStudio.tagName)) registry.define(CuecartStudio.tagName, CuecartStudio);
}
