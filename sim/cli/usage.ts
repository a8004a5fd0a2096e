// Usage texts of `kiosk sim …`: printing help must not load the simulators.
export const simPrinterUsage = `  sim printer serve --device PATH --out DIR [--baud N] [--feed MM_PER_S] [--roll MM]
        a virtual ESC/POS printer on a serial device (one end of a socat pty pair); each cut
        receipt becomes DIR/*.png and DIR/*.txt. stdin: paper out|low|load, cover open|close,
        offline, online, status.
`;

export const simIdCardUsage = `  sim idcard list [--json]
        the simulated resident ID cards (holder, masked ID number, validity, fault).
  sim idcard serve --device PATH --fixture NAME [--no-card] [--baud N]
        a simulated ID-card module (GA 467 SAM protocol) on a serial device (one end of a socat
        pty pair). stdin: remove, place, place NAME, status.
`;

export const simAuthorityUsage = `  sim authority serve [--state-dir DIR] [--config FILE] [--host H] [--port N]
        the simulated back office over its HTTP API (docs/authority.md), default 127.0.0.1:8090,
        on the kiosk's state directory (the one \`sim card serve\` personalises cards under, so its
        cards chain to this CA). AUTHORITY_TOKEN: the bearer token it asks for.
`;

export const simUsage = `  sim card list [--json]
        the virtual card fixtures (number, holder, lifecycle, PIN as issued).
  sim card serve --fixture NAME [--vpcd HOST:PORT] [--state-dir DIR]
        hold one virtual card in pcscd's vpcd reader (default 127.0.0.1:35963) until stopped.
${simAuthorityUsage}${simPrinterUsage}${simIdCardUsage}`;
