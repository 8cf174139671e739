"""Storedesk application: tools, conversation loop, UI, CLI and webhook over `services`."""
