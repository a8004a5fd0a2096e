// Schema of the simulated authority's own database. Append only, as for the kiosk store.
import type { Migration } from '../../basics/sqlite-migrations.ts';

export const authorityMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'registry, certificates, unlock authorisations, idempotency, audit, intake',
    sql: `
      CREATE TABLE enterprises (
        uscc                            TEXT PRIMARY KEY,
        name                            TEXT NOT NULL,
        org_code                        TEXT NOT NULL,
        legal_representative_name       TEXT NOT NULL,
        legal_representative_id_number  TEXT NOT NULL,
        address                         TEXT NOT NULL
      ) STRICT;
      -- Agents (经办人) on record besides the card holders and the legal representative.
      CREATE TABLE registered_agents (
        enterprise_uscc  TEXT NOT NULL REFERENCES enterprises(uscc),
        name             TEXT NOT NULL,
        id_number        TEXT NOT NULL,
        PRIMARY KEY (enterprise_uscc, id_number)
      ) STRICT;
      CREATE TABLE cards (
        card_no           TEXT PRIMARY KEY,
        enterprise_uscc   TEXT NOT NULL REFERENCES enterprises(uscc),
        card_type         TEXT NOT NULL CHECK (card_type IN ('legal_person', 'operator', 'tax_clerk', 'technician')),
        holder_name       TEXT NOT NULL,
        holder_id_number  TEXT NOT NULL,
        -- 'expired' is not stored: it follows from cert_not_after.
        lifecycle         TEXT NOT NULL CHECK (lifecycle IN ('active', 'locked', 'frozen', 'reportedLost', 'invalidated')),
        cert_serial       TEXT,
        cert_not_before   TEXT NOT NULL,
        cert_not_after    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cards_enterprise ON cards(enterprise_uscc);
      -- Every certificate ever issued. A renewal is 'pending' until the kiosk confirms that the
      -- card activated it; then it is 'current' and the previous one 'superseded'.
      CREATE TABLE certificates (
        serial           TEXT PRIMARY KEY,
        card_no          TEXT NOT NULL REFERENCES cards(card_no),
        der              BLOB NOT NULL,
        public_key_spki  BLOB NOT NULL,
        not_before       TEXT NOT NULL,
        not_after        TEXT NOT NULL,
        issued_at        TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('pending', 'current', 'superseded', 'abandoned')),
        idempotency_key  TEXT,
        kiosk_id         TEXT
      ) STRICT;
      CREATE UNIQUE INDEX certificates_one_current ON certificates(card_no) WHERE state = 'current';
      CREATE UNIQUE INDEX certificates_one_pending ON certificates(card_no) WHERE state = 'pending';
      CREATE TABLE unlock_authorisations (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        card_no           TEXT NOT NULL REFERENCES cards(card_no),
        idempotency_key   TEXT NOT NULL,
        kiosk_id          TEXT NOT NULL,
        agent_name        TEXT NOT NULL,
        agent_id_masked   TEXT NOT NULL,
        authorised_at     TEXT NOT NULL,
        completed_at      TEXT
      ) STRICT;
      -- The first answer to each idempotency key, replayed to every retry.
      CREATE TABLE idempotency (
        key           TEXT PRIMARY KEY,
        operation     TEXT NOT NULL,
        request_hash  TEXT NOT NULL,
        response      TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
      -- Every decision, granted or refused. ID numbers masked; PINs never reach the authority.
      CREATE TABLE audit (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        operation  TEXT NOT NULL,
        card_no    TEXT,
        kiosk_id   TEXT,
        outcome    TEXT NOT NULL,
        detail     TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE TABLE intake_packages (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        service_day  TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        ticket       TEXT NOT NULL,
        kiosk_id     TEXT NOT NULL,
        package      TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        UNIQUE (service_day, seq)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'phone numbers on record: the card holder and the enterprise contact (the PIN policy)',
    sql: `
      ALTER TABLE cards ADD COLUMN holder_phone TEXT;
      ALTER TABLE enterprises ADD COLUMN contact_name TEXT;
      ALTER TABLE enterprises ADD COLUMN contact_phone TEXT;
    `,
  },
  {
    version: 3,
    name: "the legal-person card's registry operations: single-use challenges, the operations done, deregistration",
    sql: `
      CREATE TABLE registry_challenges (
        challenge   TEXT PRIMARY KEY,
        card_no     TEXT NOT NULL,
        kiosk_id    TEXT NOT NULL,
        issued_at   TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        used_at     TEXT
      ) STRICT;
      CREATE TABLE registry_operations (
        id                    INTEGER PRIMARY KEY AUTOINCREMENT,
        operation             TEXT NOT NULL,
        legal_person_card_no  TEXT NOT NULL,
        target_card_no        TEXT,
        kiosk_id              TEXT NOT NULL,
        idempotency_key       TEXT NOT NULL,
        at                    TEXT NOT NULL
      ) STRICT;
      ALTER TABLE cards ADD COLUMN deregistered_at TEXT;
    `,
  },
];
