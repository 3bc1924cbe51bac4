-- Expiring old Idempotency-Key records (done on every new application) uses this index instead
-- of reading the whole table.
CREATE INDEX idempotency_created ON idempotency_keys (created_at);
