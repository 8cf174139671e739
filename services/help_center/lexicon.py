"""Per-language words for search: stop words dropped from queries, and synonyms that
widen a query ("refund" also looks for "return"). Language as data: adding a word or a
language is adding lines here. Entries are written plainly; they are folded (accents
off, đ -> d) when the module loads, exactly as queries and indexed text are.
"""

from __future__ import annotations

STOP_WORDS: dict[str, str] = {
    "en": """
        a an the and or but if of to in on at by for with from into about as is are was were
        be been being am do does did doing have has had having i me my we our us you your
        he she it its they them their this that these those what which who whom whose
        can could would should will shall may might must please hi hello hey thanks thank
        there here so than then too very just also any some how when where why whats
        get got tell know want need like let im ive id dont doesnt isnt
    """,
    "vi": """
        tôi mình em anh chị bạn các cho của và là thì mà có không được với về này đó
        nào gì thế sao như làm ơn giúp xin chào ạ nhé nha vậy hả à ơi rồi
        cái những một muốn hỏi biết ở tại đã sẽ đang
    """,
    "pt": """
        a o as os um uma uns umas de do da dos das em no na nos nas por pelo pela para
        com sem e ou que se eu me meu minha voce vocês vocês seu sua nos nosso nossa é
        ser está estão tem têm ter qual quais como quando onde porque por que
        olá ola oi obrigado obrigada favor pode posso gostaria quero saber isso isto
    """,
}

# word -> words a query for it also looks for (one direction; list both ways if needed)
SYNONYMS: dict[str, dict[str, str]] = {
    "en": {
        "refund": "return money",
        "refunds": "return money",
        "return": "refund",
        "returns": "refund",
        "send back": "return",
        "money back": "refund",
        "policy": "return",
        "ship": "shipping delivery",
        "shipping": "delivery",
        "deliver": "shipping delivery",
        "delivery": "shipping",
        "arrive": "delivery days",
        "long": "days",
        "take": "days",
        "cost": "price fee",
        "costs": "price fee",
        "free": "price",
        "abroad": "international countries",
        "country": "international countries",
        "countries": "international",
        "brazil": "international",
        "vietnam": "international",
        "overseas": "international",
        "hours": "open opening",
        "open": "hours",
        "closed": "hours",
        "pay": "payment",
        "paypal": "payment",
        "card": "payment",
        "swap": "exchange",
        "replace": "exchange",
        "size": "exchange",
        "broken": "warranty defect",
        "defective": "warranty defect",
        "faulty": "warranty defect",
        "guarantee": "warranty",
        "repair": "warranty",
        "human": "person agent contact",
        "person": "agent contact",
        "agent": "person contact",
        "phone": "contact call",
        "call": "contact",
        "email": "contact",
        "talk": "contact person",
        "privacy": "data",
        "delete": "data account",
        "data": "privacy",
        "change": "modify",
        "modify": "change",
        "cancel": "cancellation",
        "address": "change",
    },
    "vi": {
        "đổi trả": "trả hàng",
        "trả hàng": "hoàn tiền",
        "hoàn tiền": "trả hàng",
        "giao hàng": "vận chuyển",
        "vận chuyển": "giao hàng",
        "ship": "giao hàng vận chuyển",
        "bao lâu": "ngày",
        "phí": "giá",
        "nước ngoài": "quốc tế",
        "brazil": "quốc tế",
        "giờ": "mở cửa làm việc",
        "mở cửa": "giờ",
        "thanh toán": "trả tiền",
        "paypal": "thanh toán",
        "bảo hành": "hỏng lỗi",
        "hỏng": "bảo hành lỗi",
        "người": "nhân viên liên hệ",
        "nhân viên": "liên hệ",
        "gọi": "liên hệ điện thoại",
        "hủy": "huỷ",
        "huỷ": "hủy",
        "dữ liệu": "riêng tư tài khoản",
        "riêng tư": "dữ liệu",
        "xóa": "dữ liệu tài khoản",
    },
    "pt": {
        "devolução": "devolver reembolso",
        "devolver": "devolução",
        "reembolso": "devolução",
        "troca": "trocar",
        "trocar": "troca",
        "entrega": "envio frete",
        "envio": "entrega frete",
        "frete": "envio entrega",
        "enviam": "envio entrega",
        "chega": "entrega prazo",
        "demora": "prazo dias entrega",
        "prazo": "dias",
        "exterior": "internacional",
        "brasil": "internacional",
        "horário": "atendimento aberto",
        "horários": "atendimento aberto",
        "funcionamento": "horário atendimento",
        "pagar": "pagamento",
        "pagamento": "pagar",
        "paypal": "pagamento",
        "cartão": "pagamento",
        "garantia": "defeito",
        "defeito": "garantia",
        "quebrado": "garantia defeito",
        "pessoa": "atendente contato",
        "humano": "atendente contato",
        "atendente": "contato",
        "telefone": "contato",
        "cancelar": "cancelamento",
        "privacidade": "dados",
        "dados": "privacidade conta",
        "excluir": "dados conta",
    },
}
