-- Staff users, API clients (role SYSTEM) and customer portal logins (role CUSTOMER, linked to a customer).
CREATE TABLE app_user
(
  id                    UUID PRIMARY KEY,
  username              TEXT NOT NULL UNIQUE,
  password_hash         TEXT NOT NULL,
  roles                 TEXT[] NOT NULL,
  display_name          TEXT,
  customer_id           UUID,
  enabled               BOOLEAN NOT NULL DEFAULT TRUE,
  must_change_password  BOOLEAN NOT NULL DEFAULT FALSE,
  created_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX app_user_customer_idx ON app_user (customer_id) WHERE customer_id IS NOT NULL;
