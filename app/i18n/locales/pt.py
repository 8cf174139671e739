"""Português (Brazilian Portuguese). Same keys and {placeholders} as en.py."""

MESSAGES: dict[str, str] = {
    # --- common --------------------------------------------------------------------------
    "common.and": "e",
    "common.none": "—",
    # --- chat ----------------------------------------------------------------------------
    "chat.language": "Idioma",
    "chat.confirm.button": "Confirmar",
    "chat.cancel.button": "Cancelar",
    # --- status --------------------------------------------------------------------------
    "status.pending": "Pendente",
    "status.processed": "Em processamento",
    "status.shipped": "Enviado",
    "status.in_transit": "Em trânsito",
    "status.delivered": "Entregue",
    "status.cancelled": "Cancelado",
    "status.pending (item modified)": "Pendente, itens alterados",
    "status.return requested": "Devolução solicitada",
    "status.exchange requested": "Troca solicitada",
    "status.returned": "Devolvido",
    "status.requested": "Solicitado",
    "status.received": "Recebido",
}
