-- An attachment's bytes (a visit's photos and files), in a table of their own beside its record in
-- hub_records: written once per attachment (its bytes never change; a new file is a new attachment)
-- and sent with the record on a pull.

CREATE TABLE hub_attachment_bytes (
  id     text PRIMARY KEY,
  bytes  bytea NOT NULL
);
