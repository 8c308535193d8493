-- The receiving service's inbox of notifications (SPEC §2.3, §0; Order 1005 "notification/information about a
-- family/person in difficult life circumstances"): the Centre of Social Services or the Child Affairs Service of the
-- hromada registers a received notification as a case, or declines it with a reason (no grounds, another hromada —
-- forwarded). Who handled it and when is kept; a declined notification always has its reason.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('received', 'registered', 'declined'));
ALTER TABLE notifications ADD COLUMN decline_reason text NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN handled_by uuid REFERENCES users (id);
ALTER TABLE notifications ADD COLUMN handled_at timestamptz;
ALTER TABLE notifications ADD CONSTRAINT notifications_declined_with_reason CHECK (status <> 'declined' OR decline_reason <> '');
-- The inbox: a hromada's notifications by status, urgent first, then oldest first (keyset order).
CREATE INDEX notifications_inbox_idx ON notifications (hromada_id, status, urgent DESC, received_at, id);

-- The term for considering a notification: urgent ones (abuse, threat to life or health) the same day under the
-- `safety_assessment` rule (Resolution 585, Procedure p. 12); the others by this rule.
INSERT INTO deadline_rules (key, case_type, amount, unit, source_uk, source_en) VALUES
  ('notification_consideration', NULL, 1, 'working_days', '1 робочий день з дня надходження — налаштування Родини (розгляд повідомлення про сім’ю/особу у складних життєвих обставинах за формою наказу Мінсоцполітики № 1005 від 13.07.2018 до початку оцінювання потреб, строк якого — 5 робочих днів, Закон України «Про соціальні послуги», ст. 20); повідомлення про жорстоке поводження чи загрозу життю або здоров’ю — невідкладно (постанова КМУ № 585, п. 12)', '1 working day from receipt — Rodyna default (considering a notification about a family/person in difficult life circumstances, form of Ministry of Social Policy Order No. 1005 of 13.07.2018, before the needs assessment, due in 5 working days, Law of Ukraine "On Social Services", art. 20); abuse or a threat to life or health — immediately (CMU Resolution No. 585, p. 12)');
