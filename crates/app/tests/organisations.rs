//! The organisation use cases without HTTP: a network and its members
//! (issue 17), each refusal on its field and leaving things as they were.

use aula_app::organisations::{self as use_case};
use aula_app::{App, Error};
use aula_domain::{OrganisationId, OrganisationSlug};
use aula_storage::Actor;
use aula_storage::entities::audit_entry;
use aula_storage::organisations::{self, NewOrganisation, Standing};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

mod common;
use common::{org, scratch};

async fn organisation(app: &App, slug: &str) -> OrganisationId {
    let new = NewOrganisation {
        slug: OrganisationSlug::parse(slug).expect("slug"),
        name: slug.to_uppercase(),
        time_zone: "UTC".into(),
        contact_email: None,
    };
    organisations::id(
        &use_case::create(app, &Actor::system("test"), &new)
            .await
            .expect("organisation"),
    )
}

fn standing(is_network: bool, network_id: Option<OrganisationId>) -> Standing {
    Standing { is_network, network_id }
}

/// The one problem key on `field` of a refusal.
fn refused(result: Result<impl std::fmt::Debug, Error>, field: &str) -> &'static str {
    match result {
        Err(Error::Invalid(errors)) => {
            let problems = errors.get(field);
            assert_eq!(problems.len(), 1, "{errors}");
            problems[0].key
        }
        other => panic!("refused on {field}: {other:?}"),
    }
}

#[tokio::test]
async fn issue_17_a_network_takes_members_one_level_deep() {
    let s = scratch().await;
    let app = &s.app;
    let actor = Actor::system("test");
    let (a, network, member) = (
        org(app).await,
        organisation(app, "reseau").await,
        organisation(app, "ville-b").await,
    );

    // Not a network yet: nobody can join it.
    let not_yet = use_case::set_standing(app, &actor, member, standing(false, Some(network))).await;
    assert_eq!(refused(not_yet, "network_id"), "network-not-a-network");
    let made = use_case::set_standing(app, &actor, network, standing(true, None))
        .await
        .expect("network");
    assert!(made.is_network);
    let joined = use_case::set_standing(app, &actor, member, standing(false, Some(network)))
        .await
        .expect("member");
    assert_eq!(joined.network_id, Some(network.uuid()));
    let members = organisations::members(&app.db, network).await.expect("members");
    assert_eq!(members.iter().map(|m| m.id).collect::<Vec<_>>(), [member.uuid()]);

    // One level only, never itself, never an unknown one.
    let second_level = use_case::set_standing(app, &actor, a, standing(false, Some(member))).await;
    assert_eq!(refused(second_level, "network_id"), "network-not-a-network");
    let network_member = use_case::set_standing(app, &actor, a, standing(true, Some(network))).await;
    assert_eq!(refused(network_member, "network_id"), "network-not-member");
    let itself = use_case::set_standing(app, &actor, network, standing(false, Some(network))).await;
    assert_eq!(refused(itself, "network_id"), "network-not-itself");
    let unknown = OrganisationId::from_row(uuid::Uuid::nil());
    let nowhere = use_case::set_standing(app, &actor, a, standing(false, Some(unknown))).await;
    assert_eq!(refused(nowhere, "network_id"), "network-unknown");
    // A network keeps its standing while it has members.
    let ceasing = use_case::set_standing(app, &actor, network, standing(false, None)).await;
    assert_eq!(refused(ceasing, "is_network"), "network-has-members");
    assert!(organisations::get(&app.db, network).await.expect("network").is_network);
    assert!(matches!(
        use_case::set_standing(app, &actor, unknown, standing(false, None)).await,
        Err(Error::NotFound)
    ));

    // Once its member has left, it may cease to be one.
    use_case::set_standing(app, &actor, member, standing(false, None))
        .await
        .expect("left");
    let ceased = use_case::set_standing(app, &actor, network, standing(false, None))
        .await
        .expect("ceased");
    assert!(!ceased.is_network);
    // One platform entry a change, none a refusal.
    let entries = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("network.set"))
        .all(&app.db)
        .await
        .expect("audit");
    assert_eq!(entries.len(), 4);
    assert!(entries.iter().all(|e| e.organisation_id.is_none()));
}
