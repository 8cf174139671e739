"""Português (Brasil)."""

TEXT: dict[str, str] = {
    "greeting": "Olá! Sou o assistente da loja. Posso consultar um pedido, verificar "
    "estoque e detalhes de produtos, e ajudar com devoluções, cancelamentos, trocas e "
    "alterações de pedidos. Como posso ajudar?",
    "thanks": "De nada! Posso ajudar em mais alguma coisa?",
    "help": "Posso ajudar você a:\n- saber onde está um pedido (me passe o número, ex. "
    "ORD-12345)\n- verificar se um produto tem em estoque, especificações, garantia e "
    "frete\n- ver os dados da sua conta\n- devolver, trocar ou cancelar um pedido\n- "
    "alterar endereço, forma de pagamento ou itens de um pedido\n- falar com um atendente\n"
    "O que você gostaria de fazer?",
    "not_understood": "Desculpe, não entendi. Posso rastrear pedidos, verificar estoque e "
    "detalhes de produtos, e cuidar de devoluções, cancelamentos, trocas e alterações de "
    'pedidos. Digite "ajuda" para ver tudo.',
    "not_understood_pending": "Desculpe, não entendi. Estávamos tratando de {request}: "
    "pode me passar a informação que pedi?",
    "internal_error": "Desculpe, algo deu errado do meu lado. Tente novamente, por favor.",
    "confirm_hint": "Para continuar, clique em Confirmar abaixo do resumo acima. Nada muda "
    "até você confirmar.",
    "declined": "Tudo bem, não alterei nada.",
    "intent.order_status": "a consulta do pedido",
    "intent.availability": "a consulta de estoque",
    "intent.product_info": "os detalhes do produto",
    "intent.account": "a sua conta",
    "intent.catalog": "os nossos produtos",
    "intent.human": "a transferência para um atendente",
    "intent.return": "a devolução",
    "intent.cancel": "o cancelamento",
    "intent.change_address": "a mudança de endereço",
    "intent.change_payment": "a mudança da forma de pagamento",
    "intent.change_items": "a alteração de itens",
    "intent.exchange": "a troca",
    "ask_order": "De qual pedido se trata ({request})? Me passe o número do pedido, por "
    "exemplo ORD-12345 ou #W1234567.",
    "ask_order_from_list": "De qual pedido se trata ({request})? Seus pedidos: {orders}.",
    "ask_product": "Qual produto ({request})? Me passe o SKU ou o nome do produto.",
    "ask_product_from_list": "Qual produto ({request})? Temos: {products}.",
    "ask_customer": "Qual cliente? Me passe o código do cliente ou o e-mail.",
    "ask_return_reason": "Posso ajudar com a devolução do pedido {order}. Qual o motivo: "
    "defeito, avaria, item errado, diferente do anúncio, ou você não precisa mais?",
    "ask_cancel_reason": "Posso ajudar a cancelar o pedido {order}. Por que deseja "
    "cancelar: não precisa mais, ou comprou por engano?",
    "ask_address": "Qual é o novo endereço de entrega do pedido {order}? Escreva em uma "
    "linha: rua e número, complemento (se houver), cidade, estado e CEP, país. Por "
    "exemplo: Rua Augusta, 1508, Apto 72, São Paulo, SP 01304-001, Brasil.",
    "ask_payment_method": "Qual forma de pagamento o pedido {order} deve usar? Na sua "
    "conta: {methods}.",
    "ask_payment_method_id": "Qual o código da forma de pagamento para o pedido {order}?",
    "ask_which_item": "Qual item do pedido {order} você quer alterar? {items}",
    "ask_which_variant": "O que você quer no lugar de {item}? Opções disponíveis: "
    "{variants}. Me passe o SKU, por favor.",
    "no_other_variant": "Desculpe, não há outra opção de {item} disponível no momento.",
    "order_not_found": "Não encontrei o pedido {order} na sua conta. Confira o número (é "
    "algo como ORD-12345 ou #W1234567).",
    "order_head": "O pedido {order} está {status}.",
    "order_placed": "Feito em {date}.",
    "order_items": "Itens: {items}.",
    "order_total": "Total: {total}.",
    "shipment": "Enviado pela {carrier}, código de rastreio {tracking}.",
    "shipment_eta": "Previsão de entrega: {date}.",
    "shipment_delivered": "Entregue em {date}.",
    "last_event": "Última atualização ({date}): {description}, {location}.",
    "order_cancel_reason": "Motivo do cancelamento: {reason}.",
    "order_request": "{kind} {id}: {status}.",
    "product_not_found": "Não encontrei o produto {sku}. Confira o SKU ou o nome do produto.",
    "avail_ok": "{name} ({sku}) tem em estoque: {total} unidades no total.",
    "avail_nearest": "Depósito mais próximo com estoque: {city}, {state} ({quantity} unidades).",
    "avail_eta": "Comprando hoje, chegaria por volta de {date}.",
    "avail_short": "{name} ({sku}): só há {total} em estoque, e você precisa de {needed}.",
    "avail_none": "{name} ({sku}) está sem estoque em todos os depósitos no momento.",
    "avail_discontinued": "{name} ({sku}) não é mais vendido.",
    "avail_other_variants": "Outras opções em estoque: {variants}.",
    "product_head": "{name} ({sku}): {description}",
    "product_price": "Preço: {price}.",
    "product_specs": "Especificações: {specs}.",
    "product_warranty": "Garantia: {warranty}.",
    "product_shipping": "Opções de envio: {options}.",
    "product_returns": "Aceita devolução em até {days} dias após a entrega.",
    "product_no_returns": "Este produto não pode ser devolvido.",
    "product_variants": "Opções: {variants}.",
    "shipping_option": "{method} ({days} dias, {price})",
    "catalog": "Estes são os nossos produtos: {products}.",
    "customer_not_found": "Não encontrei esse cliente. Confira o código ou o e-mail.",
    "account_head": "{name}, cliente {tier} desde {since}. E-mail: {email}.",
    "account_address": "Endereço padrão: {address}.",
    "account_methods": "Formas de pagamento: {methods}.",
    "account_orders": "Pedidos recentes: {orders}.",
    "method_card": "cartão {brand} final {last_four}",
    "method_gift_card": "cartão-presente (saldo {balance})",
    "method_paypal": "PayPal",
    "handoff_done": "Transferi sua conversa para um atendente (chamado {ticket}). Alguém "
    "da nossa equipe vai responder aqui.",
    "preview_head": "Veja o que aconteceria com o pedido {order} ({request}):",
    "preview_items": "Itens: {value}",
    "preview_refund": "Reembolso: {value}",
    "preview_refund_to": "Reembolso para: {value}",
    "preview_difference": "Diferença de preço: {value}",
    "preview_difference_method": "Diferença acertada com: {value}",
    "preview_method": "Nova forma de pagamento: {value}",
    "preview_address": "Novo endereço: {value}",
    "preview_reason": "Motivo: {value}",
    "preview_pickup": "Coleta: {value}",
    "preview_status": "Situação do pedido depois: {value}",
    "preview_footer": "Nada foi alterado ainda. Clique em Confirmar para continuar, ou em "
    "Cancelar para manter o pedido como está.",
    "done": "Pronto: concluí {request} do pedido {order}.",
    "done_status": "O pedido agora está {status}.",
    "done_label": "Etiqueta de devolução: {url}",
    "cannot_status": "O pedido {order} está {status}, então {request} não é possível.",
    "error_invalid_state": "Não é possível para o pedido {order} na situação atual: {detail}",
    "error_policy": "A política da loja não permite isso: {detail}",
    "error_insufficient_funds": "O saldo do cartão-presente não é suficiente. Quer usar "
    "outra forma de pagamento?",
    "error_out_of_stock": "Esse item não está disponível nessa quantidade: {detail}",
    "error_permission": "Não consigo fazer isso neste chat. Posso transferir você para um "
    "atendente, se quiser.",
    "error_invalid_request": "A loja não pôde aceitar o pedido: {detail}",
    "error_generic": "Desculpe, não consegui concluir agora. Tente de novo ou peça para "
    "falar com um atendente.",
    "status.pending": "pendente",
    "status.processed": "em processamento",
    "status.shipped": "enviado",
    "status.in_transit": "em trânsito",
    "status.delivered": "entregue",
    "status.cancelled": "cancelado",
    "status.pending (item modified)": "pendente, com itens alterados",
    "status.return requested": "aguardando a sua devolução",
    "status.exchange requested": "aguardando a sua troca",
    "status.returned": "devolvido",
    "reason.no_longer_needed": "não precisa mais",
    "reason.ordered_by_mistake": "comprado por engano",
    "reason.defective": "defeito",
    "reason.damaged": "avaria",
    "reason.wrong_item": "item errado",
    "reason.not_as_described": "diferente do anúncio",
    "and": "e",
    "units": "{n} unidades",
}
