// Swagger UI on the hand-written contract.
SwaggerUIBundle({url: '/api/openapi.yaml', dom_id: '#ui'});
