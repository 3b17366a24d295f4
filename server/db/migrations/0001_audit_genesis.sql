-- The audit chain starts from one genesis head; every append locks and advances it.
insert into audit_head (id, seq, mac) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000') on conflict do nothing;
