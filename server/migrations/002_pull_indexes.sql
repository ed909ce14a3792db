-- Pulls read by scope, not by scanning the change sequence (bench:hub: an officer's pull filtered a
-- city's records in sequence order, then joined and sorted all of them for every page). Each record
-- now carries the officer its enterprise is assigned to (kept by the write path, and moved with a new
-- change number when the enterprise is reassigned), and each scope is an index range in change order.

ALTER TABLE hub_records ADD COLUMN assigned_officer text;
UPDATE hub_records r SET assigned_officer = a.assigned_officer FROM hub_assignments a WHERE a.enterprise_id = r.enterprise_id;
CREATE INDEX hub_records_officer_seq ON hub_records (district, assigned_officer, server_seq) WHERE assigned_officer IS NOT NULL;
CREATE INDEX hub_records_unit_seq ON hub_records (district, unit, server_seq) WHERE enterprise_id IS NULL;
CREATE INDEX hub_records_district_seq ON hub_records (district, server_seq);
CREATE INDEX hub_records_table_seq ON hub_records (table_name, district, server_seq);
