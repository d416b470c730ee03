/** The two IPC channels between the preload and the main process, named once for both sides. */
export const CALL_CHANNEL = 'lantern:call';
export const EVENT_CHANNEL = 'lantern:event';
