//! Networks of organisations (issue 17): a platform administrator declares
//! an organisation a network, or a member of one. A network's organisers
//! read its members' figures with its own (`crate::indicators`), nothing
//! else of theirs.

use aula_domain::OrganisationId;
use aula_storage::organisations::{self, Standing};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::Admin;
use crate::kit::extract::{ApiJson, ApiPath};
use crate::{AppResult, AppState};

/// Where an organisation stands: a network, a member of one, or neither.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkInput {
    /// Whether it is a network: its organisers read its members' figures.
    /// A network cannot be a member of another (one level).
    #[serde(default)]
    pub is_network: bool,
    /// The network it is a member of (an organisation declared a network),
    /// or `null`.
    #[serde(default)]
    pub network_id: Option<Uuid>,
}

/// A network's member, by name.
#[derive(Serialize, ToSchema)]
pub struct MemberOrganisationOut {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct NetworkOut {
    pub id: Uuid,
    pub is_network: bool,
    pub network_id: Option<Uuid>,
    /// A network's members, by name; empty otherwise.
    pub members: Vec<MemberOrganisationOut>,
}

async fn answer(state: &AppState, org: aula_storage::entities::organisation::Model) -> AppResult<NetworkOut> {
    let members = organisations::members(&state.db, organisations::id(&org))
        .await?
        .into_iter()
        .map(|m| MemberOrganisationOut {
            id: m.id,
            slug: m.slug,
            name: m.name,
        })
        .collect();
    Ok(NetworkOut {
        id: org.id,
        is_network: org.is_network,
        network_id: org.network_id,
        members,
    })
}

/// An organisation's place among networks (platform administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/network", tag = "organisations",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = NetworkOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn get(Admin(ctx): Admin, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<NetworkOut>> {
    let org = organisations::get(&ctx.state.db, OrganisationId::from_row(id)).await?;
    Ok(axum::Json(answer(&ctx.state, org).await?))
}

/// Declare an organisation a network, or a member of one, or neither
/// (platform administrators). Refused (422) for membership of itself, of
/// an unknown organisation or of one that is not a network, for a network
/// that would be a member, and for a network that still has members
/// ceasing to be one.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/network", tag = "organisations",
    params(("id" = Uuid, Path)), request_body = NetworkInput,
    responses((status = 200, body = NetworkOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn put(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<NetworkInput>,
) -> AppResult<axum::Json<NetworkOut>> {
    let standing = Standing {
        is_network: input.is_network,
        network_id: input.network_id.map(OrganisationId::from_row),
    };
    let org =
        aula_app::organisations::set_standing(&ctx.state.app(), &ctx.actor()?, OrganisationId::from_row(id), standing)
            .await?;
    Ok(axum::Json(answer(&ctx.state, org).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_defaults_to_neither() {
        let input: NetworkInput = serde_json::from_str("{}").expect("json");
        assert!(!input.is_network && input.network_id.is_none());
        let refused: Result<NetworkInput, _> = serde_json::from_str(r#"{"parent": null}"#);
        assert!(refused.is_err(), "unknown fields are refused");
    }
}
