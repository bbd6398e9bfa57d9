import { JuVideoPlayer } from './ju-video-player.component.js';

JuVideoPlayer.define('ju-video-player');

declare global {
  interface HTMLElementTagNameMap {
    'ju-video-player': JuVideoPlayer;
  }
}

export { JuVideoPlayer };
export type { CaptionSettings } from './caption-settings.js';
export type * from './events.js';
