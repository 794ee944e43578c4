//! Code rules: Copilot extensibility (policy 1140.9): declarative agents, API plugins, their
//! OpenAPI descriptions, message extensions used by Copilot, Graph connectors.
//!
//! "Copilot-capable" message extension (see `util::me_copilot_capable`): any `composeExtensions`
//! entry when the manifest has `copilotAgents` or `copilotExtensions`, an API-based extension, or
//! one whose commands have a `semanticDescription` or `samplePrompts`.

use crate::rules::CodeRule;

pub mod agent_conversation_starter_duplicate;
pub mod agent_conversation_starters_count;
pub mod agent_grounding_tenant_specific;
pub mod agent_instructions_boilerplate;
pub mod agent_instructions_missing;
pub mod agent_name_mismatch;
pub mod copilot_description_missing_copilot;
pub mod copilot_text_hidden_characters;
pub mod copilot_text_steering;
pub mod custom_engine_agent_bot_mismatch;
pub mod graph_connector_in_store_app;
pub mod graph_connector_notification_url_invalid;
pub mod me_command_not_in_spec;
pub mod me_parameter_count_low;
pub mod me_parameter_description_missing;
pub mod me_query_command_missing;
pub mod me_response_template_missing;
pub mod me_sample_prompt_duplicate;
pub mod me_sample_prompts_count;
pub mod openapi_consequential_disabled;
pub mod openapi_invalid_syntax;
pub mod openapi_operation_undocumented;
pub mod openapi_server_insecure;
pub mod openapi_version_unsupported;
pub mod plugin_auth_mismatch;
pub mod plugin_function_name_duplicate;
pub mod plugin_function_not_in_spec;
pub mod plugin_function_without_runtime;
pub mod plugin_legal_url_invalid;
pub mod plugin_legal_url_missing;
pub mod plugin_runtime_function_unknown;
pub mod plugin_spec_remote;
pub mod util;

pub static RULES: &[&dyn CodeRule] = &[
    &agent_conversation_starter_duplicate::AgentConversationStarterDuplicate,
    &agent_conversation_starters_count::AgentConversationStartersCount,
    &agent_grounding_tenant_specific::AgentGroundingTenantSpecific,
    &agent_instructions_boilerplate::AgentInstructionsBoilerplate,
    &agent_instructions_missing::AgentInstructionsMissing,
    &agent_name_mismatch::AgentNameMismatch,
    &copilot_description_missing_copilot::CopilotDescriptionMissingCopilot,
    &copilot_text_hidden_characters::CopilotTextHiddenCharacters,
    &copilot_text_steering::CopilotTextSteering,
    &custom_engine_agent_bot_mismatch::CustomEngineAgentBotMismatch,
    &graph_connector_in_store_app::GraphConnectorInStoreApp,
    &graph_connector_notification_url_invalid::GraphConnectorNotificationUrlInvalid,
    &me_command_not_in_spec::MeCommandNotInSpec,
    &me_parameter_count_low::MeParameterCountLow,
    &me_parameter_description_missing::MeParameterDescriptionMissing,
    &me_query_command_missing::MeQueryCommandMissing,
    &me_response_template_missing::MeResponseTemplateMissing,
    &me_sample_prompt_duplicate::MeSamplePromptDuplicate,
    &me_sample_prompts_count::MeSamplePromptsCount,
    &openapi_consequential_disabled::OpenapiConsequentialDisabled,
    &openapi_invalid_syntax::OpenapiInvalidSyntax,
    &openapi_operation_undocumented::OpenapiOperationUndocumented,
    &openapi_server_insecure::OpenapiServerInsecure,
    &openapi_version_unsupported::OpenapiVersionUnsupported,
    &plugin_auth_mismatch::PluginAuthMismatch,
    &plugin_function_name_duplicate::PluginFunctionNameDuplicate,
    &plugin_function_not_in_spec::PluginFunctionNotInSpec,
    &plugin_function_without_runtime::PluginFunctionWithoutRuntime,
    &plugin_legal_url_invalid::PluginLegalUrlInvalid,
    &plugin_legal_url_missing::PluginLegalUrlMissing,
    &plugin_runtime_function_unknown::PluginRuntimeFunctionUnknown,
    &plugin_spec_remote::PluginSpecRemote,
];
