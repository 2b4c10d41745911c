-- Owned by the contact module (ContactPreferenceService), added in the portal engineer's version range so versions
-- never collide: the times a customer says suit them (the preference centre's "preferred times"), in their local
-- time. Advisory — planners try them first; inconvenient times and the legal windows still decide.
CREATE TABLE contact_preferred_time
(
  customer_id UUID NOT NULL,
  position    INT NOT NULL,
  days        TEXT[] NOT NULL,
  from_time   TIME NOT NULL,
  to_time     TIME NOT NULL,
  PRIMARY KEY (customer_id, position)
);
