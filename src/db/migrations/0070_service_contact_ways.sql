-- The customer-service code of a prize: a "contact me" code for the staff member a
-- `customer_service` (or `red_packet`) reward names, made the first time a winner opens the claim
-- page and shared by every winner of the campaign. One live code per (campaign, staff member);
-- service_userid is null for the campaign's own code and participants' help codes.
ALTER TABLE contact_ways ADD COLUMN service_userid text;
ALTER TABLE contact_ways ADD CONSTRAINT contact_ways_service_shape CHECK (service_userid IS NULL OR participant_id IS NULL);

-- One live code per campaign, per participant and per service staff member.
CREATE UNIQUE INDEX contact_ways_live_by_target ON contact_ways (campaign_id, participant_id, service_userid) NULLS NOT DISTINCT WHERE deleted_at IS NULL;
DROP INDEX contact_ways_live;
ALTER INDEX contact_ways_live_by_target RENAME TO contact_ways_live;
