#!/usr/bin/env python3
"""Writes rules/connector/*.json from the specs below (run once; the rule files are the source
of truth afterwards and may be edited by hand)."""
import json, os
B = "connectors/certified"
S = "apiDefinition.swagger.json"
P = "apiProperties.json"
CS = "Power Platform docs › Verified publisher certification process (Prepare connector files)"
SV = "Power Platform docs › Fix Swagger Validator errors"
OX = "Power Platform docs › OpenAPI extensions (x-ms-*)"
SG = "Power Platform docs › Connector string guidance"
PT = "microsoft/PowerPlatformConnectors › pull_request_template.md"
RM = "microsoft/PowerPlatformConnectors › README (Files to include)"
WC = "Power Platform docs › Write code in a custom connector"
PE = "Power Platform docs › Fix certification policy errors"
def rule(id, title, severity, policies, what, why, fix, fail, pas, update=None):
    r = {"id": id, "title": title, "category": "connector", "kind": "code", "severity": severity}
    if update: r["update_severity"] = update
    r["profiles"] = ["store", "org"]
    r["kinds"] = ["connector"]
    r["policies"] = policies
    r["docs"] = {"what": what, "why": why, "fix": fix}
    for c in fail + pas:
        c.setdefault("base", B)
    r["tests"] = {"fail": fail, "pass": pas}
    return r

R = []
R.append(rule("connector-file-missing", "A connector file is missing or misnamed", "error",
  [PE + " 5000.1.1.2, 5000.1.1.3", RM],
  "Checks that the connector folder holds apiDefinition.swagger.json, apiProperties.json and README.md, with these exact names; a misnamed swagger (apiDefination.swagger.json, any *.swagger.json) is found, checked and reported.",
  "The repository's validation and paconn look for the exact names: a misnamed swagger is not validated at all, and a connector without apiProperties.json or README cannot be certified.",
  "Add the missing file, or rename the file to the expected name.",
  [{"delete": ["README.md"], "expect": [["", ""]]},
   {"delete": [S], "copy": {"apiDefination.swagger.json": "fixtures/connectors/certified/apiDefinition.swagger.json"}, "expect": [["apiDefination.swagger.json", ""]]}],
  [{"note": "the clean certified fixture has the three files"}]))
R.append(rule("connector-swagger-version", "The swagger is not Swagger 2.0", "error", [SV + " › SpecificationVersionIncorrect"],
  "Checks that `swagger` is \"2.0\".", "Connectors are Swagger (OpenAPI) 2.0 definitions; the platform rejects other versions.", "Set `\"swagger\": \"2.0\"`.",
  [{"set": {S: {"/swagger": "3.0"}}, "expect": [[S, "/swagger"]]}], [{}]))
R.append(rule("connector-title-length", "The connector title is missing or longer than 30 characters", "error", [CS + " › title: \"Can't be longer than 30 characters\"", "microsoft/PowerPlatformConnectors#3407"],
  "Checks that `info.title` is present, not empty and at most 30 characters.", "The title is the connector's name in every designer; certification rejects longer titles.", "Shorten the title to 30 characters.",
  [{"set": {S: {"/info/title": "Contoso Tasks and Projects for Teams"}}, "expect": [[S, "/info/title"]]}], [{}]))
R.append(rule("connector-title-words", "The connector title holds a restricted word", "error", [CS + " › title: no \"API\", \"Connector\", Power Platform product names, \"Copilot Studio\"", "microsoft/PowerPlatformConnectors#3407"],
  "Checks that `info.title` holds none of the words API, Connector, a Power Platform product name (Power Apps, Power Automate, Power BI, Logic Apps…) or Copilot Studio, as whole words, any case.",
  "The review rejects titles with these words (\"restricted words: 'api, connector'\").", "Name the service only.",
  [{"set": {S: {"/info/title": "Contoso Tasks API"}}, "expect": [[S, "/info/title"]]}], [{"set": {S: {"/info/title": "Capital Tasks"}}, "note": "\"api\" inside a word is fine"}]))
R.append(rule("connector-title-end", "The connector title ends with punctuation", "error", [CS + " › title: \"must end with an alphanumeric character\""],
  "Checks that `info.title` ends with a letter or a digit; a closing parenthesis is accepted, as 14 merged connectors show.", "The certification rules require a title that ends with a letter or digit.", "Remove the trailing punctuation or space.",
  [{"set": {S: {"/info/title": "Contoso Tasks."}}, "expect": [[S, "/info/title"]]}], [{"set": {S: {"/info/title": "Contoso (Tasks)"}}}]))
R.append(rule("connector-description-length", "The connector description is missing or not 30 to 500 characters", "error", [CS + " › description: 30 to 500 characters", SV + " › FieldLengthNotInRange"],
  "Checks that `info.description` is present and has 30 to 500 characters.", "Makers read it when they pick a connector; certification enforces the range.", "Write 30 to 500 characters about the service.",
  [{"set": {S: {"/info/description": "Tasks."}}, "expect": [[S, "/info/description"]]}, {"remove": {S: ["/info/description"]}, "expect": [[S, "/info"]]}], [{}]))
R.append(rule("connector-description-products", "The connector description names a Power Platform product", "error", [CS + " › description: no product names", "microsoft/PowerPlatformConnectors#3407"],
  "Checks that `info.description` does not name Power Apps, Power Automate, Microsoft Flow, Power BI, Power Pages, Power Platform, Power Virtual Agents, Logic Apps or Copilot Studio.",
  "The connector works in all these products; the certification rules forbid naming them in the description. 22 older merged connectors do, so an update only warns.", "Describe the service itself.",
  [{"set": {S: {"/info/description": "Use Contoso Tasks in Power Automate to create, find and complete tasks."}}, "expect": [[S, "/info/description"]]}], [{}], update="warning"))
R.append(rule("connector-contact", "The connector contact is missing or incomplete", "error", [CS + " › 3b: contact name, URL and email", SV + " › ContactEmailNotValid", "microsoft/PowerPlatformConnectors#683"],
  "Checks that `info.contact` has a name, an absolute URL and a valid email address.", "Microsoft and makers use the contact for support; certification requires all three. 36 merged certified connectors lack it, so an update only warns.", "Complete `info.contact`.",
  [{"remove": {S: ["/info/contact/email"]}, "expect": [[S, "/info/contact"]]}, {"set": {S: {"/info/contact/url": "contoso.com"}}, "expect": [[S, "/info/contact/url"]]}], [{}], update="warning"))
R.append(rule("connector-metadata", "Connector metadata lacks Website, Privacy policy or Categories", "error", [CS + " › 3b: x-ms-connector-metadata", SV + " › ConnectorMetadataPropertiesMissing", "microsoft/PowerPlatformConnectors#683"],
  "Checks that `x-ms-connector-metadata` has Website, Privacy policy and Categories entries, with absolute URLs for the first two.", "Certification requires the three entries; 41 merged certified connectors lack the array and 61 the privacy policy, so an update only warns.", "Add the missing entries.",
  [{"remove": {S: ["/x-ms-connector-metadata/1"]}, "expect": [[S, "/x-ms-connector-metadata"]]}, {"remove": {S: ["/x-ms-connector-metadata"]}, "expect": [[S, ""]]}], [{}], update="warning"))
R.append(rule("connector-categories", "Too many or unknown connector categories", "error", [CS + " › Categories: \"maximum of two\", from the documented list", SV + " › TooManyConnectorCategories, InvalidConnectorCategory"],
  "Checks that the Categories metadata names at most two categories, each from the documented list (AI, Business Management, Business Intelligence, Collaboration, Commerce, Communication, Content and Files, Finance, Data, Human Resources, Internet of Things, IT Operations, Lifestyle and Entertainment, Marketing, Productivity, Sales and CRM, Security, Social Media, Website).",
  "The validator rejects more than two categories and names outside the list.", "Keep at most two documented category names, separated by `;`.",
  [{"set": {S: {"/x-ms-connector-metadata/2/propertyValue": "Productivity;Data;AI"}}, "expect": [[S, "/x-ms-connector-metadata/2/propertyValue"]]}, {"set": {S: {"/x-ms-connector-metadata/2/propertyValue": "Tasks"}}, "expect": [[S, "/x-ms-connector-metadata/2/propertyValue"]]}], [{}]))
R.append(rule("connector-host-invalid", "The swagger host is missing or holds a scheme or path", "error", [SV + " › HostNameNotValid"],
  "Checks that `host` is present and is a host name (with an optional port), without scheme, path or spaces.", "The validator rejects such hosts; the scheme belongs in `schemes` and the path in `basePath`.", "Move the scheme and path out of `host`.",
  [{"set": {S: {"/host": "https://api.contoso.com/v1"}}, "expect": [[S, "/host"]]}], [{}]))
R.append(rule("connector-host-nonproduction", "The swagger host looks like a staging, dev or test host", "warning", [CS + " › \"Staging, dev, and test host URLs aren't allowed\""],
  "Checks that no label of `host` is a staging, dev, test, QA, UAT, sandbox, preprod, demo or local word, and that the host is not local or an IP address.", "Certified connectors must point at production; the check is by name, so it is a warning.", "Use the production host.",
  [{"set": {S: {"/host": "staging-api.contoso.com"}}, "expect": [[S, "/host"]]}], [{"set": {S: {"/host": "api.devolutions.net"}}, "note": "whole labels only"}]))
R.append(rule("connector-schemes", "The swagger schemes are not https", "error", [SV + " › SchemeNotValid", CS],
  "Checks that `schemes` names only http and https, and includes https.", "Connectors call their service over the internet with the user's credentials; certification expects TLS.", "Set `\"schemes\": [\"https\"]`.",
  [{"set": {S: {"/schemes": ["http"]}}, "expect": [[S, "/schemes"]]}], [{}], update="warning"))
R.append(rule("connector-operationid", "An operation has no operationId or shares one", "error", [SV + " › OperationIdRequired, OperationIdNotUnique"],
  "Checks that every operation has an operationId and that no two share one (ignoring case).", "Flows, apps, policies and dynamic values refer to operations by operationId.", "Give every operation a unique operationId.",
  [{"set": {S: {"/paths/~1tasks~1{taskId}/get/operationId": "listtasks"}}, "expect": [[S, "/paths/~1tasks~1{taskId}/get/operationId"]]}, {"remove": {S: ["/paths/~1tasks/post/operationId"]}, "expect": [[S, "/paths/~1tasks/post"]]}], [{}]))
R.append(rule("connector-operationid-format", "An operationId holds spaces or punctuation", "warning", [SV + " › OperationIdSanitized", SG + " › operationId: CamelCase, no spaces or punctuation"],
  "Checks that operationIds hold only letters, digits and underscores.", "The validator sanitizes other characters, which changes the id flows refer to; 60 merged connectors use `-` or `.`, so it is a warning.", "Write the operationId in CamelCase.",
  [{"set": {S: {"/paths/~1tasks/get/operationId": "list-tasks"}}, "expect": [[S, "/paths/~1tasks/get/operationId"]]}], [{}]))
R.append(rule("connector-summary-missing", "An operation has no summary", "error", [CS + " › operations: summary required", SV],
  "Checks that every operation has a non-empty `summary`.", "The summary is the action's name in the designer.", "Add a summary.",
  [{"remove": {S: ["/paths/~1tasks/get/summary"]}, "expect": [[S, "/paths/~1tasks/get"]]}], [{}]))
R.append(rule("connector-summary-format", "An operation summary is too long or ends with punctuation", "error", [CS + " › summary: \"80 characters or shorter… only alphanumeric characters or parentheses\"", SV + " › OperationSummaryTooLong", SG],
  "Checks that every summary has at most 80 characters, no `/` and no trailing punctuation other than a closing parenthesis.", "Summaries are action names; many merged connectors break the punctuation rule, so an update only warns.", "Shorten the summary and remove the trailing punctuation or slash.",
  [{"set": {S: {"/paths/~1tasks/get/summary": "List tasks."}}, "expect": [[S, "/paths/~1tasks/get/summary"]]}, {"set": {S: {"/paths/~1tasks/get/summary": "List/search tasks"}}, "expect": [[S, "/paths/~1tasks/get/summary"]]}], [{"set": {S: {"/paths/~1tasks/get/summary": "List tasks (v2)"}}}], update="warning"))
R.append(rule("connector-description-same-as-summary", "An operation description is missing or repeats the summary", "warning", [SG + " › descriptions say more than the summary", CS],
  "Checks that every operation with a summary has a description and that the description is not the summary again.", "The description is the action's tooltip; a copy of the summary tells makers nothing.", "Write a description sentence that says what the operation does.",
  [{"set": {S: {"/paths/~1tasks/get/description": "List tasks."}}, "expect": [[S, "/paths/~1tasks/get/description"]]}], [{}]))
R.append(rule("connector-response-schema", "A 200 or 201 response has no schema", "error", [CS + " › responses: schemas required", SV + " › SchemaDefinitionSetIncorrectly", PT],
  "Checks that every 200 and 201 response has a `schema` (or `x-ms-dynamic-schema`), except for webhook triggers whose notification content carries the schema.", "Without a schema the designer offers no dynamic content from the action's output. 28 % of merged certified connectors miss one, so an update only warns.", "Add the response schema, or answer 202/204 when there is no body.",
  [{"remove": {S: ["/paths/~1tasks~1{taskId}/get/responses/200/schema"]}, "expect": [[S, "/paths/~1tasks~1{taskId}/get/responses/200"]]}], [{"note": "the webhook's 201 has no schema but its path has x-ms-notification-content"}], update="warning"))
R.append(rule("connector-default-response", "The default response has a schema", "error", [CS + " › responses", SV + " › DefaultResponseHasSchema"],
  "Checks that no `default` response has a schema.", "The validator rejects a schema on `default`; about 10 % of merged certified connectors have one, so an update only warns.", "Remove the schema of the `default` response.",
  [{"set": {S: {"/paths/~1tasks/get/responses/default/schema": {"type": "object"}}}, "expect": [[S, "/paths/~1tasks/get/responses/default/schema"]]}], [{}], update="warning"))
R.append(rule("connector-no-response", "An operation has no successful response", "error", [SV + " › OperationMustHaveResponse"],
  "Checks that every operation declares at least one 2xx response.", "The platform needs to know what success looks like.", "Declare the success response.",
  [{"set": {S: {"/paths/~1tasks~1{taskId}/get/responses": {"default": {"description": "Failed."}}}}, "expect": [[S, "/paths/~1tasks~1{taskId}/get/responses"]]}], [{}]))
R.append(rule("connector-internal-default", "An internal required parameter has no default", "error", [OX + " › x-ms-visibility: internal"],
  "Checks that a parameter with `x-ms-visibility: internal` and `required: true` has a `default` (notification URL parameters, which the platform fills, excepted).", "Makers cannot see an internal parameter, so only its default can fill it; without one every call fails.", "Add a `default`, or make the parameter optional or visible.",
  [{"set": {S: {"/paths/~1tasks/get/parameters/0/required": True, "/paths/~1tasks/get/parameters/0/x-ms-visibility": "internal"}}, "expect": [[S, "/paths/~1tasks/get/parameters/0"]]}],
  [{"set": {S: {"/paths/~1tasks/get/parameters/0/required": True, "/paths/~1tasks/get/parameters/0/x-ms-visibility": "internal", "/paths/~1tasks/get/parameters/0/default": "open"}}}]))
R.append(rule("connector-path-parameter", "A path parameter is not required or not in the path", "error", [SV + " › PathParameterMustBeRequired, PathParameterNotDefined"],
  "Checks that every path parameter is required and named in the path template, and that every `{name}` of the template has a path parameter.", "The validator rejects the definition otherwise.", "Make path parameters required and match them with the template.",
  [{"set": {S: {"/paths/~1tasks~1{taskId}/get/parameters/0/required": False}}, "expect": [[S, "/paths/~1tasks~1{taskId}/get/parameters/0"]]}, {"set": {S: {"/paths/~1tasks~1{taskId}/get/parameters/0/name": "id"}}, "expect": [[S, "/paths/~1tasks~1{taskId}/get"], [S, "/paths/~1tasks~1{taskId}/get/parameters/0"]]}], [{}]))
R.append(rule("connector-get-body", "A GET operation has a body", "error", [SV],
  "Checks that no GET operation has a `body` or `formData` parameter.", "GET requests carry no body; the platform rejects the definition.", "Use query or path parameters, or another method.",
  [{"set": {S: {"/paths/~1tasks/get/parameters/1": {"name": "body", "in": "body", "schema": {"type": "object"}, "x-ms-summary": "Body", "description": "A body."}}}, "expect": [[S, "/paths/~1tasks/get/parameters/1"]]}], [{}]))
R.append(rule("connector-ref-unresolved", "A $ref of the swagger points nowhere", "error", [SV + " › ReferenceNotFound", "microsoft/PowerPlatformConnectors#155 (paconn answers HTTP 500)"],
  "Checks that every `$ref` is a local reference (`#/…`) to something that exists in the swagger.", "paconn answers an unresolved `$ref` with an HTTP 500 and no message; the connector cannot be imported.", "Fix the reference.",
  [{"set": {S: {"/paths/~1tasks/get/responses/200/schema/$ref": "#/definitions/Tasks"}}, "expect": [[S, "/paths/~1tasks/get/responses/200/schema/$ref"]]}], [{}]))
R.append(rule("connector-dynamic-operation", "A dynamic value names an unknown operation", "error", [SV + " › OperationIdNotFound", OX + " › x-ms-dynamic-values"],
  "Checks that `x-ms-dynamic-values`, `-schema`, `-list`, `-properties` and `-tree` name operationIds of the swagger.", "The designer calls that operation to fill the values; an unknown one breaks the action.", "Name an existing operationId.",
  [{"set": {S: {"/paths/~1tasks~1{taskId}/get/parameters/0/x-ms-dynamic-values/operationId": "GetTasks"}}, "expect": [[S, "/paths/~1tasks~1{taskId}/get/parameters/0/x-ms-dynamic-values/operationId"]]}], [{}]))
R.append(rule("connector-webhook", "A webhook trigger is malformed", "error", [SV + " › NotificationUrl*", OX + " › x-ms-notification-url, x-ms-notification-content"],
  "Checks that the notification URL (a parameter or body property with `x-ms-notification-url`) is internal, required and a string, and that `x-ms-notification-content` sits only on paths with a trigger.", "The platform fills the callback URL itself; a visible or optional one breaks the subscription.", "Fix the notification URL declaration or mark the operation as a trigger.",
  [{"remove": {S: ["/paths/~1hooks/post/parameters/0/schema/properties/callbackUrl/x-ms-visibility"]}, "expect": [[S, "/paths/~1hooks/post/parameters/0/schema/properties/callbackUrl"]]}, {"remove": {S: ["/paths/~1hooks/post/x-ms-trigger"]}, "expect": [[S, "/paths/~1hooks/x-ms-notification-content"]]}], [{}]))
R.append(rule("connector-pageable", "x-ms-pageable has an unsupported nextLinkName", "error", [SV + " › InvalidNextLinkNameValue", OX + " › x-ms-pageable"],
  "Checks that `x-ms-pageable.nextLinkName` is `nextLink` or `@odata.nextLink`.", "The platform pages only through these properties.", "Return the next page URL in nextLink or @odata.nextLink.",
  [{"set": {S: {"/paths/~1tasks/get/x-ms-pageable": {"nextLinkName": "next"}}}, "expect": [[S, "/paths/~1tasks/get/x-ms-pageable/nextLinkName"]]}], [{"set": {S: {"/paths/~1tasks/get/x-ms-pageable": {"nextLinkName": "@odata.nextLink"}}}}]))
R.append(rule("connector-mime-type", "A consumes or produces entry is not a MIME type", "error", [SV + " › MimeTypeNotValid"],
  "Checks that every `consumes` and `produces` entry (root and operations) is a MIME type `type/subtype`.", "The validator rejects other values.", "Write MIME types such as application/json.",
  [{"set": {S: {"/produces/0": "json"}}, "expect": [[S, "/produces/0"]]}], [{}]))
R.append(rule("connector-parameter-strings", "A parameter lacks x-ms-summary or description", "error", ["microsoft/PowerPlatformConnectors#3407 (CI: \"The 'x-ms-summary' property is required\")", SG],
  "Checks that every parameter makers see (not `x-ms-visibility: internal`) has a non-empty `x-ms-summary` and `description`.", "The summary is the field's label and the description its tooltip. The repository's CI requires them on changed files, but 82 % of merged certified connectors lack one somewhere, so an update only warns.", "Add `x-ms-summary` and `description`.",
  [{"remove": {S: ["/paths/~1tasks/get/parameters/0/x-ms-summary"]}, "expect": [[S, "/paths/~1tasks/get/parameters/0"]]}], [{}], update="warning"))
R.append(rule("connector-brand-color", "iconBrandColor is missing, malformed or not allowed", "error", [PT + " › iconBrandColor", RM + " › independent publishers: \"must be set to #da3b01\""],
  "Checks that `iconBrandColor` is `#rrggbb`; for a certified connector not white (#ffffff) nor the default blue (#007ee5); for an independent-publisher connector exactly #da3b01.", "The colour is the icon's background in every designer.", "Set the brand colour (independent publishers: #da3b01).",
  [{"set": {P: {"/properties/iconBrandColor": "#007ee5"}}, "expect": [[P, "/properties/iconBrandColor"]]}, {"base": "connectors/independent", "set": {P: {"/properties/iconBrandColor": "#DA3B02"}}, "note": "the publisher kind comes from --connector-kind; here it is certified by default, so #DA3B02 is a brand colour", "expect": []}][:1] + [{"set": {P: {"/properties/iconBrandColor": "blue"}}, "expect": [[P, "/properties/iconBrandColor"]]}],
  [{}, {"base": "connectors/independent"}]))
R.append(rule("connector-publisher", "publisher or stackOwner is missing", "error", [CS + " › 3a: publisher and stackOwner in apiProperties.json"],
  "Checks that apiProperties.json has non-empty `publisher` and `stackOwner`.", "Certification records who publishes the connector and who owns the service; 53 and 70 merged certified connectors lack them, so an update only warns.", "Add both.",
  [{"remove": {P: ["/properties/stackOwner"]}, "expect": [[P, "/properties"]]}], [{}], update="warning"))
R.append(rule("connector-policy", "A policy template is unknown or names unknown operations", "error", ["paconn-apiProperties.schema.json › PolicyTemplateInstance", "microsoft/PowerPlatformConnectors#2881"],
  "Checks that every policy template instance names a known template (case-insensitive; with dynamicsubdomain, moveproperties and setconnectionstatustounauthenticated, which the repository's schema lacks) and that `x-ms-apimTemplate-operationName` names operations of the swagger.", "A policy on a missing operation silently never runs; an unknown template fails the import.", "Fix the template id or the operation names.",
  [{"set": {P: {"/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/1": "GetTasks"}}, "expect": [[P, "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/1"]]}, {"set": {P: {"/properties/policyTemplateInstances/0/templateId": "setheaders"}}, "expect": [[P, "/properties/policyTemplateInstances/0/templateId"]]}], [{"set": {P: {"/properties/policyTemplateInstances/0/templateId": "setHeader"}}}]))
R.append(rule("connector-script-operations", "scriptOperations names an unknown operation", "error", [WC],
  "Checks that every `scriptOperations` entry is an operationId of the swagger and that the connector has a script.csx.", "The script runs only for the listed operations; a wrong name means the code never runs.", "List existing operationIds.",
  [{"set": {P: {"/properties/scriptOperations": ["ListTasks", "DeleteTask"]}}, "files": {"script.csx": "public class Script : ScriptBase { }\n"}, "expect": [[P, "/properties/scriptOperations/1"]]}],
  [{"set": {P: {"/properties/scriptOperations": ["ListTasks"]}}, "files": {"script.csx": "public class Script : ScriptBase { }\n"}}]))
R.append(rule("connector-script", "script.csx is malformed, too large or imports a forbidden namespace", "error", [WC + " › \"can't be more than 1 MB\", supported namespaces"],
  "Checks that script.csx defines `class Script : ScriptBase`, is at most 1 MB and imports only the supported namespaces.", "The platform compiles the script with a fixed set of assemblies and rejects larger scripts.", "Fix the class, shrink the script or remove the import.",
  [{"files": {"script.csx": "using System;\nusing System.Data.SqlClient;\npublic class Script : ScriptBase { }\n"}, "expect": [["script.csx", ""]]}, {"files": {"script.csx": "public class Code { }\n"}, "expect": [["script.csx", ""]]}],
  [{"files": {"script.csx": "using System.Net.Http;\nusing Newtonsoft.Json.Linq;\npublic class Script : ScriptBase\n{\n}\n"}}]))
R.append(rule("connector-icon-presence", "An independent-publisher connector includes an icon", "error", [PT + " › \"I confirm that I am not submitting a connector icon\"", PE + " 5000.1.1.1"],
  "Checks that an independent-publisher connector has no icon.png (Microsoft applies the generic one).", "The pull-request template asks independent publishers to confirm they submit no icon.", "Remove icon.png (or use --connector-kind certified for a verified publisher).",
  [{"base": "connectors/independent", "copy": {"icon.png": "fixtures/connectors/certified/icon.png"}, "expect": [["icon.png", ""]]}], [{}, {"base": "connectors/independent"}]))
R.append(rule("connector-icon", "The connector icon is not a square opaque PNG on the brand colour", "warning", [CS + " › icon: PNG, 230×230, background not white or transparent", "microsoft/PowerPlatformConnectors#3473"],
  "Checks a verified publisher's icon.png: a PNG, square, 200 to 260 pixels wide (about 230×230), an opaque background (the corners) that is not white and matches `iconBrandColor`.", "Reviewers ask for a 230×230 icon whose background is the brand colour, not white or transparent.", "Export the icon at 230×230 on the brand colour.",
  [{"set": {P: {"/properties/iconBrandColor": "#123456"}}, "expect": [["icon.png", ""]]}, {"files": {"icon.png": "not a png"}, "expect": [["icon.png", ""]]}], [{}]))
R.append(rule("connector-readme", "The README lacks a required section", "warning", ["microsoft/PowerPlatformConnectors › templates readme.md (sections marked Required)", RM, PT],
  "Checks that README.md has headings for Publisher, Prerequisites, Supported Operations, Obtaining Credentials and Known Issues (synonyms accepted: Authentication, Limitations, Actions/Triggers).", "Reviewers check the README against the template; makers read it as the connector's documentation.", "Add the missing sections.",
  [{"files": {"README.md": "# Contoso Tasks\nA connector.\n\n## Publisher: Contoso\n"}, "expect": [["README.md", ""]]}], [{}]))
R.append(rule("connector-secret", "A credential is written in apiProperties.json or settings.json", "error", [RM + " › no secrets in the repository", "Power Platform docs › Verified publisher certification process › security"],
  "Checks that no `clientSecret`, `secret`, `password`, `apiKey` or access token in apiProperties.json or settings.json holds a value that looks like a real credential (16+ characters, mixed classes, not a placeholder).", "The repository is public: a committed secret is leaked.", "Remove the value and rotate the secret.",
  [{"set": {P: {"/properties/connectionParameters/token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2", "clientId": "abc", "clientSecret": "Xy7kQ2mN9pR4sT6vW8zA1bC3"}}}}, "expect": [[P, "/properties/connectionParameters/token/oAuthSettings/clientSecret"]]}],
  [{"set": {P: {"/properties/connectionParameters/token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2", "clientId": "abc", "clientSecret": "dummy-secret-value"}}}}}]))
R.append(rule("connector-openai-manifest", "The Copilot extension manifest is incomplete or invalid", "error", ["Power Platform docs › Prepare AI enabled connector files (x-ms-openai-manifest)", "Commercial marketplace policy 1140.4.3"],
  "Checks that `x-ms-openai-manifest` has `humanName`, `modelDescription`, `contactEmail` and `legalUrl`, with a valid email and an absolute https URL.", "Copilot shows the name, the model reads the description, and users need a contact and terms.", "Complete the manifest.",
  [{"base": "connectors/copilot", "remove": {S: ["/x-ms-openai-manifest/legalUrl"]}, "expect": [[S, "/x-ms-openai-manifest"]]}, {"base": "connectors/copilot", "set": {S: {"/x-ms-openai-manifest/contactEmail": "support"}}, "expect": [[S, "/x-ms-openai-manifest/contactEmail"]]}], [{"base": "connectors/copilot"}]))
R.append(rule("connector-openai-data", "x-ms-openai-data names an unknown operation", "error", ["Power Platform docs › Prepare AI enabled connector files (x-ms-openai-data)"],
  "Checks that every `x-ms-openai-data` operation names an operationId of the swagger.", "Copilot configures the named operation; an unknown one is ignored or fails the import.", "Name an existing operationId.",
  [{"base": "connectors/copilot", "set": {S: {"/paths/~1tasks/get/x-ms-openai-data/operations/0/operationId": "ListAllTasks"}}, "expect": [[S, "/paths/~1tasks/get/x-ms-openai-data/operations/0/operationId"]]}], [{"base": "connectors/copilot"}]))

os.makedirs("rules/connector", exist_ok=True)
for r in R:
    for c in r["tests"]["fail"] + r["tests"]["pass"]:
        if c.get("base") == B and len(c) > 1 and c.get("base"):
            pass
    # drop empty expect lists from pass-like entries
    r["tests"]["fail"] = [c for c in r["tests"]["fail"] if c.get("expect")]
    path = f"rules/connector/{r['id']}.json"
    with open(path, "w") as f:
        json.dump(r, f, indent=2, ensure_ascii=False)
        f.write("\n")
print(len(R))
