"""Keyword tables, per language, for intents, reasons, product topics and short answers.

Written with proper spelling; `fold` removes diacritics on load, so "hủy" also matches
"huy". Phrases are matched on word boundaries, longest tables first where it matters.
The three languages share one table per meaning: a Portuguese word in an English
sentence still means what it means.
"""

from __future__ import annotations

from app.agent.offline.text import fold

LANGUAGES = ("en", "vi", "pt")

# intent -> language -> phrases, separated by "|"
INTENT_PHRASES: dict[str, dict[str, str]] = {
    "return": {
        "en": "return | returning | send back | send it back | refund | money back",
        "pt": "devolver | devolução | devolvê-lo | devolve-lo | reembolso | estorno",
        "vi": "trả hàng | trả lại | hoàn tiền | hoàn trả | gửi trả | trả đơn | trả sản phẩm",
    },
    "cancel": {
        "en": "cancel | cancellation | call off",
        "pt": "cancelar | cancelamento | cancela",
        "vi": "hủy | huỷ | hủy đơn | không mua nữa",
    },
    "exchange": {
        "en": "exchange | swap | replace it | replacement",
        "pt": "trocar | troca | substituir",
        "vi": "đổi hàng | đổi sang | đổi lấy | đổi size | đổi màu | đổi sản phẩm | đổi cái",
    },
    "change_items": {
        "en": (
            "change the item | change an item | change item | modify the order | modify my order | "
            "modify items | change the color | change the size | different color | different size "
            "| modify the item"
        ),
        "pt": (
            "alterar o item | alterar item | mudar o item | alterar o pedido | modificar o pedido "
            "| mudar a cor | mudar o tamanho | alterar a cor | alterar o tamanho | outra cor | "
            "outro tamanho"
        ),
        "vi": (
            "sửa đơn | thay đổi sản phẩm | thay sản phẩm | đổi món | thay đổi món hàng | sửa sản "
            "phẩm"
        ),
    },
    "change_address": {
        "en": "address | ship to | deliver to | send it to",
        "pt": "endereço | entregar em | enviar para",
        "vi": "địa chỉ",
    },
    "change_payment": {
        "en": (
            "payment method | pay with | pay by | change payment | change the payment | use my "
            "gift card | use paypal | charge my"
        ),
        "pt": (
            "forma de pagamento | método de pagamento | meio de pagamento | pagar com | mudar o "
            "pagamento | alterar o pagamento"
        ),
        "vi": (
            "phương thức thanh toán | thanh toán bằng | đổi thanh toán | trả bằng | hình thức "
            "thanh toán | cách thanh toán"
        ),
    },
    "human": {
        "en": (
            "human | real person | a person | agent | representative | operator | talk to someone "
            "| speak to someone | manager | supervisor"
        ),
        "pt": "atendente | humano | pessoa | falar com alguém | operador | gerente | representante",
        "vi": (
            "nhân viên | người thật | tư vấn viên | gặp người | nói chuyện với người | tổng đài "
            "viên | quản lý"
        ),
    },
    "order_status": {
        "en": (
            "where is | where's | track | tracking | status | arrive | arrives | delivery date | "
            "when will | shipped | eta | has it shipped | late | on its way"
        ),
        "pt": (
            "onde está | cadê | rastrear | rastreio | rastreamento | status | situação | quando "
            "chega | chegar | chegou | previsão | acompanhar"
        ),
        "vi": (
            "đâu rồi | ở đâu | theo dõi | tình trạng | trạng thái | khi nào | bao giờ | vận đơn | "
            "tra cứu | kiểm tra đơn | đến chưa | giao chưa | đang ở"
        ),
    },
    "availability": {
        "en": (
            "in stock | available | availability | stock | do you have | do you sell | can i buy | "
            "back in stock"
        ),
        "pt": "estoque | disponível | disponibilidade | vocês têm | tem o | tem a",
        "vi": "còn hàng | hết hàng | có hàng | tồn kho | còn không | có sẵn",
    },
    "product_info": {
        "en": (
            "spec | specs | specification | specifications | warranty | guarantee | features | "
            "tell me about | shipping options | shipping cost | how long does shipping | battery | "
            "return policy | dimensions"
        ),
        "pt": (
            "especificação | especificações | ficha técnica | garantia | características | frete | "
            "opções de envio | bateria | política de devolução"
        ),
        "vi": (
            "thông số | cấu hình | bảo hành | tính năng | phí vận chuyển | phí ship | vận chuyển | "
            "pin | chính sách đổi trả"
        ),
    },
    "account": {
        "en": (
            "my account | my profile | account | profile | my details | my info | my information | "
            "my orders | order history | my email | membership | tier | payment methods | address "
            "on file | find the customer | find customer | look up the customer | customer "
            "profile | customer details"
        ),
        "pt": (
            "minha conta | meu perfil | meus dados | meus pedidos | histórico | cadastro | meu "
            "email | meu e-mail | buscar o cliente | buscar cliente | procurar cliente | dados do "
            "cliente"
        ),
        "vi": (
            "tài khoản | hồ sơ | thông tin của tôi | thông tin cá nhân | các đơn hàng | lịch sử | "
            "đơn hàng của tôi | tìm khách hàng | thông tin khách hàng"
        ),
    },
    "catalog": {
        "en": "what do you sell | product types | catalog | catalogue | what products",
        "pt": "o que vocês vendem | catálogo | tipos de produto | quais produtos",
        "vi": "bán những gì | danh mục | loại sản phẩm | có những sản phẩm nào",
    },
    "help": {
        "en": "help | what can you do | how does this work | options | menu",
        "pt": "ajuda | ajudar | o que você pode fazer | o que voce faz | socorro",
        "vi": "giúp | giúp đỡ | hỗ trợ | bạn làm được gì | bạn có thể làm gì",
    },
    "thanks": {
        "en": "thanks | thank you | thx | cheers | appreciate it",
        "pt": "obrigado | obrigada | valeu | agradeço",
        "vi": "cảm ơn | cám ơn | cảm ơn bạn | thank",
    },
    "greeting": {
        "en": "hi | hello | hey | good morning | good afternoon | good evening",
        "pt": "olá | oi | bom dia | boa tarde | boa noite | e aí",
        "vi": "xin chào | chào | chào bạn | alo",
    },
}

# Words that tell which language a message is in (folded). Shared words are left out.
LANGUAGE_MARKERS: dict[str, str] = {
    "en": (
        "my | the | is | where | i | want | please | you | can | what | hello | hi | thanks | "
        "thank | order | it | to | of | and | with | for | this | when | will | need | would | "
        "like | how | does | yes | no | help"
    ),
    "pt": (
        "meu | minha | pedido | voce | voces | nao | obrigado | obrigada | ola | oi | quero | "
        "gostaria | por | favor | da | para | com | um | uma | esta | onde | como | produto | "
        "estoque | endereco | pagamento | trocar | devolver | cancelar | rastrear | sim | qual | "
        "meus | tem | preciso | e | o | os | que | de | ajuda | bom | boa | dia | tarde | noite | "
        "muito | fone | veio"
    ),
    "vi": (
        "toi | cua | don | hang | khong | muon | xin | chao | cam | ban | gi | nhe | duoc | minh | "
        "nao | dau | roi | voi | cho | la | co | tra | huy | doi | chi | thanh | toan | san "
        "| pham | vang | giup | anh | cai | nay | bao | nhieu | lai | hoan | tien | kiem | tai | "
        "khoan"
    ),
}

# Letters only Vietnamese writes, and spellings only Portuguese has ("não", "ações").
VI_CHARS = frozenset("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ")
PT_SPELLINGS = ("ç", "õ", "ão", "ãe", "ãs")

# Reason codes, for returns and cancellations.
REASON_PHRASES: dict[str, str] = {
    "ordered_by_mistake": (
        "by mistake | accidentally | ordered twice | wrong order | por engano | sem querer | "
        "comprei errado | pedi errado | đặt nhầm | mua nhầm | lỡ đặt | đặt lộn"
    ),
    "damaged": (
        "damaged | arrived damaged | cracked | scratched | dented | shattered | danificado | "
        "avariado | riscado | amassado | trincado | bị vỡ | vỡ | bị móp | bị trầy | hư hại"
    ),
    "defective": (
        "defective | broken | doesn't work | doesnt work | does not work | not working | stopped "
        "working | faulty | malfunction | dead on arrival | defeito | defeituoso | quebrado | "
        "quebrou | não funciona | parou de funcionar | estragado | bị lỗi | lỗi | hỏng | bị hư | "
        "không hoạt động | không chạy | không lên"
    ),
    "wrong_item": (
        "wrong item | wrong size | wrong color | wrong colour | not what i ordered | wrong product "
        "| item errado | produto errado | tamanho errado | cor errada | veio errado | giao nhầm | "
        "sai hàng | nhầm hàng | sai màu | sai size | sai kích"
    ),
    "not_as_described": (
        "not as described | different from the picture | not as pictured | doesn't match | "
        "diferente do anúncio | não é como descrito | diferente da foto | không giống mô tả | "
        "không đúng mô tả | khác hình"
    ),
    "no_longer_needed": (
        "no longer need | no longer needed | don't need | dont need | do not need | changed my "
        "mind | don't want | dont want | do not want | don't like | didn't like | not needed | "
        "mudei de ideia | desisti | não quero mais | não gostei | não preciso mais | não preciso | "
        "đổi ý | không cần nữa | không cần | không thích | không muốn nữa"
    ),
}

INFO_TOPICS: dict[str, str] = {
    "warranty": "warranty | guarantee | garantia | bảo hành",
    "shipping": (
        "shipping | delivery options | ship | frete | envio | opções de envio | vận chuyển | phí "
        "ship | giao hàng"
    ),
    "return_policy": "return policy | política de devolução | chính sách đổi trả",
    "specs": (
        "spec | specs | specification | specifications | features | battery | dimensions | "
        "especificação | especificações | ficha técnica | características | bateria | thông số | "
        "cấu hình | tính năng | pin"
    ),
}

YES = (
    "yes | yeah | yep | sure | ok | okay | confirm | please do | go ahead | sim | claro | pode | "
    "confirmo | isso | có | vâng | đồng ý | ừ | được"
)
NO = "no | nope | don't | não | không | thôi"
PICKUP = (
    "pickup | pick up | pick it up | collect | coleta | retirada | buscar | lấy hàng | đến lấy | "
    "tận nơi"
)
GIFT_CARD = "gift card | giftcard | cartão presente | vale presente | vale-presente | thẻ quà tặng"
PAYPAL = "paypal"
CREDIT_CARD = (
    "credit card | card | visa | mastercard | amex | cartão de crédito | cartão | thẻ tín dụng | "
    "thẻ visa | thẻ ghi nợ"
)
ORIGINAL_PAYMENT = (
    "original payment | same card | original method | forma original | mesmo cartão | phương thức "
    "ban đầu | thẻ ban đầu"
)


def phrases(text: str) -> tuple[str, ...]:
    """Folded phrases of a "|"-separated list, longest first (tried before their parts)."""
    return tuple(
        sorted({fold(p) for p in text.split("|") if p.strip()}, key=lambda p: (-len(p), p))
    )


FOLDED_INTENTS: dict[str, tuple[str, ...]] = {
    intent: phrases("|".join(by_lang.values())) for intent, by_lang in INTENT_PHRASES.items()
}
FOLDED_REASONS = {code: phrases(p) for code, p in REASON_PHRASES.items()}
FOLDED_TOPICS = {topic: phrases(p) for topic, p in INFO_TOPICS.items()}
FOLDED_YES = phrases(YES)
FOLDED_NO = phrases(NO)
FOLDED_PICKUP = phrases(PICKUP)
FOLDED_GIFT_CARD = phrases(GIFT_CARD)
FOLDED_PAYPAL = phrases(PAYPAL)
FOLDED_CREDIT_CARD = phrases(CREDIT_CARD)
FOLDED_ORIGINAL = phrases(ORIGINAL_PAYMENT)
MARKERS: dict[str, frozenset[str]] = {
    lang: frozenset(w.strip() for w in words.split("|")) for lang, words in LANGUAGE_MARKERS.items()
}
