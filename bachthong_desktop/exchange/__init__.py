"""Exchange with the outside: Word documents, Excel returns (no Qt)."""
