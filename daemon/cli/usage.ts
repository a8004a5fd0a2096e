// Usage texts of every `kiosk` command, in one small module: printing help must not load the
// daemon (each command module is imported only when that command runs).
export const simStacksUsage = `        --sim-stacks inProcess|system (KIOSK_SIM_STACKS, config sim.stacks; default inProcess):
        how the simulated devices reach the daemon. system: through the real OS stacks — the
        PC/SC driver on pcscd's vpcd reader (sim.vpcd: 127.0.0.1:35963, "Virtual PCD 00 00"), the
        ESC/POS driver on a socat pty pair, the SANE pnm backend; the dev dock's Sim.* still work.
`;

export const intakeUsage = `  intake check FILE [--registry] [--date YYYY-MM-DD] [--state-dir DIR] [--config FILE]
        check an intake package (format v1; FILE - reads stdin); the verdict as JSON on stdout.
        exit 0 acceptable, 1 findings with errors, 2 unreadable input. --registry: also compare
        with the authority's registry; --date: check as of that day instead of the package's date.
  intake read FILE [--kind KIND]
        read one scanned page (PNG, JPEG or PNM) by OCR; JSON on stdout: the kind it looks like
        and its confidence, the fields read with theirs, the time taken. --kind: the kind is
        given, only its fields are read. exit 0 kind recognised, 1 nothing read, 2 unreadable file.
`;

export const technicianUsage = `  technician hash-pin
        read a technician PIN from standard input (twice on a terminal) and print its hash for
        the configuration's technician.pinHash
`;
