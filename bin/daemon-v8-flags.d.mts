// The types of daemon-v8-flags.mjs (plain JavaScript: bin/kiosk.mjs loads it before it knows Node can strip types).
export declare const daemonV8Flags: readonly string[];
