"""The help center: articles staff write, split into passages that search ranks and the
assistant cites. Search runs in the database itself (SQLite FTS5, PostgreSQL full-text
search) over folded text, so "chinh sach doi tra" finds "chính sách đổi trả"."""
