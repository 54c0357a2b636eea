/**
 * The result schema as a plain JSON Schema (draft 2020-12) object, for receivers written in other
 * languages. GENERATED from the zod schema (`resultSchema`, schema.ts) by
 * `node --import tsx scripts/generate-json-schema.ts`: do not edit by hand. Generated ahead of time
 * rather than at run time so that browsers carry no schema generator.
 *
 * It checks structure only. Recomputing the scores needs the instrument data: use `verifyResult`
 * (or port its checks) to trust the numbers.
 */

/** JSON Schema (draft 2020-12) of `pmh-screen/result/v1`. */
export const resultJsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "pmh-screen screening result (pmh-screen/result/v1)",
  "description": "The result of one perinatal mental health screening session. Structure only: scores must be recomputed from the answers to be trusted (verifyResult).",
  "type": "object",
  "properties": {
    "schema": {
      "type": "string",
      "const": "pmh-screen/result/v1"
    },
    "sessionId": {
      "type": "string",
      "format": "uuid",
      "pattern": "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$"
    },
    "status": {
      "type": "string",
      "enum": [
        "complete",
        "partial"
      ]
    },
    "startedAt": {
      "type": "string",
      "maxLength": 40,
      "format": "date-time",
      "pattern": "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"
    },
    "completedAt": {
      "type": "string",
      "maxLength": 40,
      "format": "date-time",
      "pattern": "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"
    },
    "locale": {
      "type": "string",
      "maxLength": 35,
      "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
    },
    "context": {
      "type": "object",
      "properties": {
        "stage": {
          "type": "string",
          "enum": [
            "antenatal",
            "postnatal"
          ]
        },
        "contact": {
          "type": "string"
        },
        "externalRef": {
          "type": "string"
        }
      },
      "additionalProperties": {
        "$ref": "#/$defs/json"
      }
    },
    "instruments": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "enum": [
              "whooley",
              "gad2",
              "gad7",
              "epds",
              "core10",
              "phq9"
            ]
          },
          "version": {
            "type": "string",
            "maxLength": 200
          },
          "locale": {
            "type": "string",
            "maxLength": 35,
            "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
          },
          "translation": {
            "type": "string",
            "enum": [
              "source",
              "validated",
              "draft"
            ]
          },
          "answers": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "itemId": {
                  "type": "string",
                  "maxLength": 12,
                  "pattern": "^q[1-9][0-9]*$"
                },
                "value": {
                  "type": "integer"
                },
                "answeredAt": {
                  "type": "string",
                  "maxLength": 40,
                  "format": "date-time",
                  "pattern": "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"
                }
              },
              "required": [
                "itemId",
                "value",
                "answeredAt"
              ],
              "additionalProperties": false
            }
          },
          "score": {
            "type": "object",
            "properties": {
              "instrumentId": {
                "type": "string",
                "enum": [
                  "whooley",
                  "gad2",
                  "gad7",
                  "epds",
                  "core10",
                  "phq9"
                ]
              },
              "total": {
                "anyOf": [
                  {
                    "type": "integer",
                    "minimum": 0
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "max": {
                "type": "integer",
                "minimum": 0
              },
              "answered": {
                "type": "integer",
                "minimum": 0
              },
              "complete": {
                "type": "boolean"
              },
              "prorated": {
                "type": "boolean"
              },
              "proratedTotal": {
                "type": "number",
                "minimum": 0
              },
              "band": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 64
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "positive": {
                "type": [
                  "boolean",
                  "null"
                ]
              },
              "cutoff": {
                "type": "integer",
                "minimum": 0
              },
              "subscales": {
                "type": "object",
                "propertyNames": {
                  "type": "string",
                  "maxLength": 64
                },
                "additionalProperties": {
                  "type": "integer",
                  "minimum": 0
                }
              },
              "riskTriggers": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "itemId": {
                      "type": "string",
                      "maxLength": 12,
                      "pattern": "^q[1-9][0-9]*$"
                    },
                    "value": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "itemId",
                    "value"
                  ],
                  "additionalProperties": false
                }
              }
            },
            "required": [
              "instrumentId",
              "total",
              "max",
              "answered",
              "complete",
              "band",
              "positive",
              "cutoff",
              "subscales",
              "riskTriggers"
            ],
            "additionalProperties": false
          },
          "permission": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500
          },
          "supplementary": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "questionId": {
                  "type": "string",
                  "pattern": "^[a-z][a-z-]{0,31}$"
                },
                "value": {
                  "type": "integer"
                }
              },
              "required": [
                "questionId",
                "value"
              ],
              "additionalProperties": false
            }
          },
          "aids": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "read-aloud"
              ]
            }
          }
        },
        "required": [
          "id",
          "version",
          "locale",
          "translation",
          "answers",
          "score"
        ],
        "additionalProperties": false
      }
    },
    "risk": {
      "type": "object",
      "properties": {
        "level": {
          "type": "string",
          "enum": [
            "none",
            "urgent"
          ]
        },
        "triggers": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "instrumentId": {
                "type": "string",
                "enum": [
                  "whooley",
                  "gad2",
                  "gad7",
                  "epds",
                  "core10",
                  "phq9"
                ]
              },
              "itemId": {
                "type": "string",
                "maxLength": 12,
                "pattern": "^q[1-9][0-9]*$"
              },
              "value": {
                "type": "integer"
              },
              "at": {
                "type": "string",
                "maxLength": 40,
                "format": "date-time",
                "pattern": "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"
              },
              "changedLater": {
                "type": "boolean"
              }
            },
            "required": [
              "instrumentId",
              "itemId",
              "value",
              "at"
            ],
            "additionalProperties": false
          }
        },
        "assessed": {
          "type": "boolean"
        },
        "items": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "instrumentId": {
                "type": "string",
                "enum": [
                  "whooley",
                  "gad2",
                  "gad7",
                  "epds",
                  "core10",
                  "phq9"
                ]
              },
              "itemId": {
                "type": "string",
                "maxLength": 12,
                "pattern": "^q[1-9][0-9]*$"
              },
              "answered": {
                "type": "boolean"
              }
            },
            "required": [
              "instrumentId",
              "itemId",
              "answered"
            ],
            "additionalProperties": false
          }
        }
      },
      "required": [
        "level",
        "triggers",
        "assessed",
        "items"
      ],
      "additionalProperties": false
    }
  },
  "required": [
    "schema",
    "sessionId",
    "status",
    "startedAt",
    "locale",
    "instruments",
    "risk"
  ],
  "additionalProperties": false,
  "$defs": {
    "json": {
      "anyOf": [
        {
          "type": "string"
        },
        {
          "type": "number"
        },
        {
          "type": "boolean"
        },
        {
          "type": "null"
        },
        {
          "type": "array",
          "items": {
            "$ref": "#/$defs/json"
          }
        },
        {
          "type": "object",
          "propertyNames": {
            "type": "string"
          },
          "additionalProperties": {
            "$ref": "#/$defs/json"
          }
        }
      ]
    }
  }
} as const;
