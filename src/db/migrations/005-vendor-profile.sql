-- The vendor profile each account was indexed with (product, vendor domains, tiers, add-ons), stored when
-- its source folder is indexed, so readiness reads it from here and never goes back to the folder.
create table account_vendor_profiles (
  account_id text primary key references accounts (id) on delete cascade,
  profile jsonb not null,
  -- Where it was read from (vendor.json, relative to the indexed folder).
  source_ref text not null,
  updated_at timestamptz not null default now()
);
