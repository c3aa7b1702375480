//! The demo data set's texts: realistic names, places and course descriptions.
//!
//! Everything here is fictional demo content. Addresses, people and e-mail
//! addresses (all at `example.org` domains) do not refer to real persons.

/// An administrative region (ISO 3166-2 code and usual name).
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
}

/// A training venue.
pub struct Place {
    pub name: &'static str,
    pub address: &'static str,
    pub city: &'static str,
    pub region_code: &'static str,
}

/// A course of the demo catalogue.
pub struct DemoCourse {
    pub programme: usize, // index into PROGRAMMES
    pub title: &'static str,
    pub summary: &'static str,              // 2-3 sentences
    pub objectives: &'static str,           // 3-5 lines, each starting with "- "
    pub hours: u32,                         // nominal hours
    pub modality: &'static str,             // "in_person" | "online" | "blended"
    pub audiences: &'static [&'static str], // audience codes: the built-in ones, or the demo's `newly_arrived`
    pub language: &'static str,             // "es" | "fr"
    pub accredited: bool,                   // accredited by the university (online courses of the union programme)
    pub place: Option<usize>,               // index into PLACES for in-person/blended courses
    pub meetings: u32,                      // how many meetings (days/sessions) one session of it has
    pub meeting_hours: u32, // length of each meeting in hours (meetings*meeting_hours should equal hours)
}

/// A funded training programme.
pub struct Programme {
    pub title: &'static str,
    /// Its funders, each with its reference (issue 20).
    pub funders: &'static [(&'static str, Option<&'static str>)],
    /// The body that commissioned it and the contract's reference (issue 20).
    pub commissioner: Option<(&'static str, &'static str)>,
    /// Its partners and what they do in it (issue 20).
    pub partners: &'static [(&'static str, &'static str)],
    pub description: &'static str,
}

/// A trainer or other staff member.
pub struct StaffMember {
    pub name: &'static str,
    pub email: &'static str,
}

/// Spain's 17 autonomous communities and 2 autonomous cities (ISO 3166-2:ES),
/// the 2 French regions used by the French programme, and Tunisia's 24
/// governorates (ISO 3166-2:TN) for the city migration project.
pub const REGIONS: &[Region] = &[
    Region {
        code: "ES-AN",
        name: "Andalucía",
    },
    Region {
        code: "ES-AR",
        name: "Aragón",
    },
    Region {
        code: "ES-AS",
        name: "Principado de Asturias",
    },
    Region {
        code: "ES-IB",
        name: "Illes Balears",
    },
    Region {
        code: "ES-CN",
        name: "Canarias",
    },
    Region {
        code: "ES-CB",
        name: "Cantabria",
    },
    Region {
        code: "ES-CL",
        name: "Castilla y León",
    },
    Region {
        code: "ES-CM",
        name: "Castilla-La Mancha",
    },
    Region {
        code: "ES-CT",
        name: "Cataluña",
    },
    Region {
        code: "ES-EX",
        name: "Extremadura",
    },
    Region {
        code: "ES-GA",
        name: "Galicia",
    },
    Region {
        code: "ES-RI",
        name: "La Rioja",
    },
    Region {
        code: "ES-MD",
        name: "Comunidad de Madrid",
    },
    Region {
        code: "ES-MC",
        name: "Región de Murcia",
    },
    Region {
        code: "ES-NC",
        name: "Comunidad Foral de Navarra",
    },
    Region {
        code: "ES-PV",
        name: "País Vasco",
    },
    Region {
        code: "ES-VC",
        name: "Comunitat Valenciana",
    },
    Region {
        code: "ES-CE",
        name: "Ciudad Autónoma de Ceuta",
    },
    Region {
        code: "ES-ML",
        name: "Ciudad Autónoma de Melilla",
    },
    Region {
        code: "FR-ARA",
        name: "Auvergne-Rhône-Alpes",
    },
    Region {
        code: "FR-OCC",
        name: "Occitanie",
    },
    Region {
        code: "TN-11",
        name: "Tunis",
    },
    Region {
        code: "TN-12",
        name: "Ariana",
    },
    Region {
        code: "TN-13",
        name: "Ben Arous",
    },
    Region {
        code: "TN-14",
        name: "La Manouba",
    },
    Region {
        code: "TN-21",
        name: "Nabeul",
    },
    Region {
        code: "TN-22",
        name: "Zaghouan",
    },
    Region {
        code: "TN-23",
        name: "Bizerte",
    },
    Region {
        code: "TN-31",
        name: "Béja",
    },
    Region {
        code: "TN-32",
        name: "Jendouba",
    },
    Region {
        code: "TN-33",
        name: "Le Kef",
    },
    Region {
        code: "TN-34",
        name: "Siliana",
    },
    Region {
        code: "TN-41",
        name: "Kairouan",
    },
    Region {
        code: "TN-42",
        name: "Kasserine",
    },
    Region {
        code: "TN-43",
        name: "Sidi Bouzid",
    },
    Region {
        code: "TN-51",
        name: "Sousse",
    },
    Region {
        code: "TN-52",
        name: "Monastir",
    },
    Region {
        code: "TN-53",
        name: "Mahdia",
    },
    Region {
        code: "TN-61",
        name: "Sfax",
    },
    Region {
        code: "TN-71",
        name: "Gafsa",
    },
    Region {
        code: "TN-72",
        name: "Tozeur",
    },
    Region {
        code: "TN-73",
        name: "Kébili",
    },
    Region {
        code: "TN-81",
        name: "Gabès",
    },
    Region {
        code: "TN-82",
        name: "Médenine",
    },
    Region {
        code: "TN-83",
        name: "Tataouine",
    },
];

/// Index 0: the union's national programme; index 1: the French city
/// network's project; index 2: the city migration project in Tunisia;
/// indexes 3 and 4: two member cities of the network, Villeurbanne and
/// Montpellier, each with its own project (`NETWORK`, `MEMBERS`).
/// The organisations, one per programme, in the programmes' order: slug,
/// name and time zone (issue 17).
pub const ORGANISATIONS: &[(&str, &str, &str)] = &[
    (
        "formacion-sindical",
        "Formación sindical · Diversidad e igualdad de trato",
        "Europe/Madrid",
    ),
    (
        "villes-accueillantes",
        "Réseau des villes accueillantes",
        "Europe/Paris",
    ),
    (
        "villes-inclusives-tunisie",
        "Villes inclusives · Raoued et La Marsa",
        "Africa/Tunis",
    ),
    ("villeurbanne", "Ville de Villeurbanne", "Europe/Paris"),
    ("montpellier", "Ville de Montpellier", "Europe/Paris"),
];

/// The network among `ORGANISATIONS` (issue 17): its organisers read its
/// own seminar's figures and its member cities'.
pub const NETWORK: usize = 1;

/// The network's members among `ORGANISATIONS`.
pub const MEMBERS: &[usize] = &[3, 4];

/// Each organisation's branding, in [`ORGANISATIONS`]' order (issue 17):
/// an accent colour (each at least 4.5:1 against white) and a simple SVG
/// logo drawn here, so the three can be told apart at a glance.
pub const BRANDING: &[(&str, &str)] = &[
    (
        "#9b1c31",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#9b1c31"/><path d="M14 44 L32 16 L50 44 Z" fill="#ffffff"/><circle cx="32" cy="38" r="5" fill="#9b1c31"/></svg>"##,
    ),
    (
        "#1d4ed8",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="#1d4ed8"/><rect x="14" y="30" width="10" height="20" fill="#ffffff"/><rect x="27" y="20" width="10" height="30" fill="#ffffff"/><rect x="40" y="26" width="10" height="24" fill="#ffffff"/></svg>"##,
    ),
    (
        "#0f6b4f",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="8" fill="#0f6b4f"/><circle cx="32" cy="32" r="18" fill="none" stroke="#ffffff" stroke-width="6"/><circle cx="32" cy="32" r="6" fill="#ffffff"/></svg>"##,
    ),
];

/// Each organisation's identity on its certificates, in [`ORGANISATIONS`]'
/// order (issue 19): legal name, postal address, website, and the one
/// signatory who signs its certificates (name, title), whose signature is
/// drawn by [`signature`].
pub const ISSUERS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Confederación Sindical de Formación, Fundación Pública",
        "Calle de Fernández de la Hoz 12, 28010 Madrid, España",
        "https://formacion-sindical.example.org",
        "María Dolores Fernández Ruiz",
        "Directora de Formación",
    ),
    (
        "Association du Réseau des villes accueillantes",
        "12 place de la Comédie, 34000 Montpellier, France",
        "https://villes-accueillantes.example.org",
        "Claire Dubois-Martin",
        "Présidente du réseau",
    ),
    (
        "Commune de Raoued",
        "Avenue de l'Environnement, 2056 Raoued, Ariana, Tunisie",
        "https://raoued.example.tn",
        "Sami Ben Youssef",
        "Secrétaire général de la commune",
    ),
    (
        "Ville de Villeurbanne",
        "Place Lazare-Goujon, 69100 Villeurbanne, France",
        "https://villeurbanne.example.org",
        "Jeanne Moreau",
        "Directrice des ressources humaines",
    ),
    (
        "Ville de Montpellier",
        "1 place Georges-Frêche, 34267 Montpellier, France",
        "https://montpellier.example.org",
        "Paul Girard",
        "Directeur général des services",
    ),
];

/// A handwritten-looking signature for signatory `index`: one stroke whose
/// loops vary with the index, so the organisations' certificates differ.
pub fn signature(index: usize) -> String {
    let k = 18 + 7 * (index as i32 % 5);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80"><path d="M12 58 C 30 {a}, 52 78, 70 40 S 110 {b}, 128 52 S 168 70, 186 30 S 230 {c}, 250 46 L 288 24" fill="none" stroke="#1b2a4a" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/><path d="M40 66 Q 150 74 270 62" fill="none" stroke="#1b2a4a" stroke-width="1.5" stroke-linecap="round"/></svg>"##,
        a = 4 + k,
        b = 10 + k / 2,
        c = 2 + k,
    )
}

/// A funder's mark (a teal field, a ring of twelve white dots), printed at
/// the foot of the certificates of the programmes it funds (issue 20). A
/// stand-in for the demo, not any institution's emblem.
pub const FUNDER_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80"><rect width="120" height="80" fill="#0b5d66"/><circle cx="82.0" cy="40.0" r="3.2" fill="#ffffff"/><circle cx="79.1" cy="51.0" r="3.2" fill="#ffffff"/><circle cx="71.0" cy="59.1" r="3.2" fill="#ffffff"/><circle cx="60.0" cy="62.0" r="3.2" fill="#ffffff"/><circle cx="49.0" cy="59.1" r="3.2" fill="#ffffff"/><circle cx="40.9" cy="51.0" r="3.2" fill="#ffffff"/><circle cx="38.0" cy="40.0" r="3.2" fill="#ffffff"/><circle cx="40.9" cy="29.0" r="3.2" fill="#ffffff"/><circle cx="49.0" cy="20.9" r="3.2" fill="#ffffff"/><circle cx="60.0" cy="18.0" r="3.2" fill="#ffffff"/><circle cx="71.0" cy="20.9" r="3.2" fill="#ffffff"/><circle cx="79.1" cy="29.0" r="3.2" fill="#ffffff"/></svg>"##;

/// The university's logo, drawn on the certificates it accredits.
pub const UNIVERSITY_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="80" viewBox="0 0 160 80"><rect x="4" y="8" width="56" height="64" rx="6" fill="#7a1c2e"/><path d="M14 60 V28 L32 18 L50 28 V60 Z" fill="none" stroke="#ffffff" stroke-width="4"/><rect x="27" y="40" width="10" height="20" fill="#ffffff"/><rect x="70" y="30" width="86" height="6" fill="#7a1c2e"/><rect x="70" y="44" width="64" height="6" fill="#b08d57"/></svg>"##;

pub const PROGRAMMES: &[Programme] = &[
    Programme {
        title: "Diversidad e igualdad de trato en los servicios públicos",
        funders: &[
            ("Fondo Social Europeo Plus (FSE+)", Some("2021ES05SFPR001")),
            ("Ministerio de Igualdad", None),
        ],
        commissioner: None,
        partners: &[("Universidad de León (ULE)", "acreditación de los cursos en línea")],
        description: "Programa nacional de formación dirigido al personal de las administraciones públicas, a delegadas y delegados sindicales y a entidades sociales colaboradoras. Combina cursos presenciales en Andalucía, Castilla y León, Illes Balears y Extremadura, cursos en línea acreditados por la Universidad de León (ULE) y webinarios abiertos. Su objetivo es garantizar una atención pública libre de discriminación y promover la diversidad en las plantillas. Cofinanciado por la Unión Europea.",
    },
    Programme {
        title: "Villes accueillantes : gouvernance locale des migrations",
        funders: &[("Fonds Asile, Migration et Intégration (FAMI)", Some("FAMI/2024/0187"))],
        commissioner: None,
        partners: &[
            ("Réseau des villes accueillantes", "coordination"),
            ("Villeurbanne", "ville partenaire"),
            ("Montpellier", "ville partenaire"),
        ],
        description: "Projet porté par un réseau de villes pour renforcer l'accueil et l'intégration des personnes nouvellement arrivées à l'échelle municipale. Il forme les agents municipaux, les élus locaux ainsi que les médiatrices et médiateurs en santé et en éducation à l'accès aux droits, à la lutte contre les discriminations et au travail en réseau avec les associations. Cofinancé par l'Union européenne.",
    },
    Programme {
        title: "Villes inclusives : accueil des personnes migrantes à Raoued et La Marsa",
        funders: &[(
            "Programme de coopération décentralisée (Union européenne)",
            Some("NDICI/2024/452-118"),
        )],
        commissioner: Some(("Municipalité de La Marsa", "LM-2025-014")),
        partners: &[
            ("Municipalité de Raoued", "co-porteuse"),
            ("Terre d'asile Tunisie", "médiation et accompagnement"),
        ],
        description: "Projet de coopération entre deux municipalités tunisiennes, Raoued (gouvernorat de l'Ariana) et La Marsa (gouvernorat de Tunis), et leurs partenaires associatifs. Il forme les agents municipaux, les élus et les médiatrices et médiateurs en santé et en éducation à l'accueil des personnes migrantes, à l'accès aux droits et à la lutte contre les discriminations. Formations en français et en arabe.",
    },
    Programme {
        title: "Villeurbanne ville accueillante : premier accueil des personnes nouvellement arrivées",
        funders: &[("Fonds Asile, Migration et Intégration (FAMI)", Some("FAMI/2024/0187"))],
        commissioner: Some(("Ville de Villeurbanne", "2025-DSP-031")),
        partners: &[],
        description: "Volet villeurbannais du projet du Réseau des villes accueillantes : la ville forme ses agents d'accueil et ses élus au premier accueil inconditionnel et à l'accès aux droits des personnes nouvellement arrivées. Cofinancé par l'Union européenne.",
    },
    Programme {
        title: "Montpellier ville accueillante : médiation en santé et en éducation",
        funders: &[("Fonds Asile, Migration et Intégration (FAMI)", Some("FAMI/2024/0187"))],
        commissioner: None,
        partners: &[],
        description: "Volet montpelliérain du projet du Réseau des villes accueillantes : la ville forme les médiatrices et médiateurs qui accompagnent les familles dans les établissements de santé, les écoles et les quartiers. Cofinancé par l'Union européenne.",
    },
];

/// Training venues: 0 Sevilla, 1 Valladolid, 2 Palma, 3 Mérida, 4 Villeurbanne, 5 Montpellier,
/// 6 Raoued, 7 La Marsa.
pub const PLACES: &[Place] = &[
    Place {
        name: "Sede regional de Andalucía – Aula de Formación Sindical",
        address: "Calle Marqués de Paradas, 28, 2.ª planta",
        city: "Sevilla",
        region_code: "ES-AN",
    },
    Place {
        name: "Sede regional de Castilla y León – Sala de Formación",
        address: "Calle Gamazo, 14, 1.º",
        city: "Valladolid",
        region_code: "ES-CL",
    },
    Place {
        name: "Sede territorial de Illes Balears – Sala de Formación",
        address: "Carrer de Jesús, 38, bajos",
        city: "Palma",
        region_code: "ES-IB",
    },
    Place {
        name: "Sede regional de Extremadura – Aula Sindical",
        address: "Calle Almendralejo, 21",
        city: "Mérida",
        region_code: "ES-EX",
    },
    Place {
        name: "Maison des services publics",
        address: "12 rue Francis-de-Pressensé",
        city: "Villeurbanne",
        region_code: "FR-ARA",
    },
    Place {
        name: "Maison des relations internationales – Salle Antigone",
        address: "24 place du Nombre d'Or",
        city: "Montpellier",
        region_code: "FR-OCC",
    },
    Place {
        name: "Municipalité de Raoued – Salle des fêtes",
        address: "Avenue de la République",
        city: "Raoued",
        region_code: "TN-12",
    },
    Place {
        name: "Municipalité de La Marsa – Salle du conseil",
        address: "Rue du Maréchal Tito",
        city: "La Marsa",
        region_code: "TN-11",
    },
];

/// The demo catalogue: 4 in-person union courses, 4 accredited online union
/// courses, 2 union webinars, 3 French courses (Villeurbanne's, Montpellier's
/// and the network's seminar), then 2 courses of the Tunisian
/// municipalities (in French, with their Arabic texts).
pub const COURSES: &[DemoCourse] = &[
    // --- Programme 0: in-person courses (20 h = 4 × 5 h) -------------------
    DemoCourse {
        programme: 0,
        title: "Igualdad de trato y no discriminación en la atención a la ciudadanía",
        summary: "Curso presencial que traslada a la práctica diaria de los servicios públicos las obligaciones de la Ley 15/2022, de 12 de julio, integral para la igualdad de trato y la no discriminación. A partir de casos reales de ventanilla, servicios sociales y sanidad, se trabaja cómo identificar, prevenir y reparar situaciones de discriminación directa, indirecta, múltiple e interseccional.",
        objectives: "- Conocer los conceptos clave y los motivos de discriminación protegidos por la Ley 15/2022.\n\
- Identificar prácticas discriminatorias en procedimientos y espacios de atención al público.\n\
- Aplicar pautas de comunicación respetuosa y ajustes razonables en la atención.\n\
- Saber orientar a quien denuncia un trato discriminatorio y conocer las vías de reparación.",
        hours: 20,
        modality: "in_person",
        audiences: &["public_servant", "union_delegate"],
        language: "es",
        accredited: false,
        place: Some(0),
        meetings: 4,
        meeting_hours: 5,
    },
    DemoCourse {
        programme: 0,
        title: "Diversidad afectivo-sexual y de género: inclusión LGTBI en el empleo público",
        summary: "El curso aborda la realidad de las personas LGTBI como trabajadoras y como usuarias de los servicios públicos, en el marco de la Ley 4/2023 para la igualdad real y efectiva de las personas trans y para la garantía de los derechos de las personas LGTBI. Incluye talleres sobre lenguaje inclusivo, acompañamiento en procesos de transición y diseño de protocolos frente al acoso por orientación sexual e identidad de género.",
        objectives: "- Conocer el marco normativo estatal y autonómico de igualdad de las personas LGTBI.\n\
- Detectar situaciones de LGTBIfobia en el entorno laboral y en la atención a la ciudadanía.\n\
- Elaborar protocolos de prevención y actuación frente al acoso por orientación sexual, identidad o expresión de género.\n\
- Proponer medidas LGTBI para la negociación colectiva en la administración.",
        hours: 20,
        modality: "in_person",
        audiences: &["public_servant", "union_delegate", "civil_society"],
        language: "es",
        accredited: false,
        place: Some(1),
        meetings: 4,
        meeting_hours: 5,
    },
    DemoCourse {
        programme: 0,
        title: "Racismo y xenofobia en los servicios públicos: detectar, prevenir y actuar",
        summary: "Curso presencial sobre las formas que adopta el racismo en la administración, desde los prejuicios en el trato cotidiano hasta las barreras institucionales en el acceso a derechos como el empadronamiento, la asistencia sanitaria o la escolarización. Se analizan casos de Illes Balears y se construyen respuestas desde el puesto de trabajo y desde la acción sindical.",
        objectives: "- Distinguir el racismo interpersonal, institucional y estructural, y reconocer el perfilado racial.\n\
- Analizar las barreras administrativas que afectan a las personas migrantes y a la población gitana.\n\
- Conocer los recursos de asistencia a víctimas de discriminación racial o étnica.\n\
- Diseñar mejoras antirracistas en los procedimientos del propio servicio.",
        hours: 20,
        modality: "in_person",
        audiences: &["public_servant", "union_delegate", "mediator"],
        language: "es",
        accredited: false,
        place: Some(2),
        meetings: 4,
        meeting_hours: 5,
    },
    DemoCourse {
        programme: 0,
        title: "Discapacidad y accesibilidad universal en la atención pública",
        summary: "Curso práctico sobre los derechos de las personas con discapacidad como usuarias y como empleadas públicas, de acuerdo con la Convención de la ONU y la normativa española de accesibilidad. Se trabajan la lectura fácil, la comunicación con personas sordas o con discapacidad intelectual y la adaptación de puestos de trabajo.",
        objectives: "- Comprender el modelo social de la discapacidad y el concepto de ajuste razonable.\n\
- Evaluar la accesibilidad física, comunicativa y cognitiva de un servicio de atención.\n\
- Aplicar pautas de lectura fácil y comunicación accesible en documentos y trámites.\n\
- Conocer el procedimiento de adaptación del puesto y el cupo de reserva en el empleo público.",
        hours: 20,
        modality: "in_person",
        audiences: &["public_servant", "union_delegate"],
        language: "es",
        accredited: false,
        place: Some(3),
        meetings: 4,
        meeting_hours: 5,
    },
    // --- Programme 0: online courses accredited by the Universidad de León ----
    DemoCourse {
        programme: 0,
        title: "Marco jurídico de la igualdad de trato y la no discriminación",
        summary: "Curso en línea acreditado por la Universidad de León que ofrece una visión completa del derecho antidiscriminatorio: directivas europeas, Constitución, Ley 15/2022 y normativa sectorial. Combina sesiones en directo con el análisis de sentencias del Tribunal Constitucional, del Tribunal Supremo y del Tribunal de Justicia de la Unión Europea.",
        objectives: "- Conocer las Directivas 2000/43/CE y 2000/78/CE y su transposición al ordenamiento español.\n\
- Dominar las definiciones, garantías y régimen sancionador de la Ley 15/2022.\n\
- Comprender el papel de la Autoridad Independiente para la Igualdad de Trato y la No Discriminación.\n\
- Aplicar la inversión de la carga de la prueba y otras garantías procesales a casos prácticos.",
        hours: 40,
        modality: "online",
        audiences: &["public_servant", "union_delegate", "civil_society"],
        language: "es",
        accredited: true,
        place: None,
        meetings: 8,
        meeting_hours: 5,
    },
    DemoCourse {
        programme: 0,
        title: "Planes de igualdad y medidas LGTBI en las administraciones públicas",
        summary: "Curso en línea acreditado por la Universidad de León para participar con rigor en la elaboración, el seguimiento y la evaluación de planes de igualdad en el sector público. Se trabaja con el diagnóstico, la auditoría retributiva, los protocolos frente al acoso sexual y por razón de sexo y la incorporación de medidas para personas LGTBI.",
        objectives: "- Conocer las obligaciones de la Ley Orgánica 3/2007 y del Estatuto Básico del Empleado Público en materia de igualdad.\n\
- Elaborar un diagnóstico de situación con datos desagregados por sexo.\n\
- Interpretar una auditoría retributiva y detectar brechas salariales.\n\
- Diseñar, negociar y evaluar las medidas del plan desde la comisión negociadora.",
        hours: 30,
        modality: "online",
        audiences: &["public_servant", "union_delegate"],
        language: "es",
        accredited: true,
        place: None,
        meetings: 10,
        meeting_hours: 3,
    },
    DemoCourse {
        programme: 0,
        title: "Mediación intercultural y gestión de la diversidad en los servicios públicos",
        summary: "Curso en línea acreditado por la Universidad de León sobre herramientas de comunicación y mediación para servicios que atienden a una población diversa. Aborda la competencia intercultural, el trabajo con intérpretes y mediadores y la gestión de conflictos en contextos sanitarios, educativos y de servicios sociales.",
        objectives: "- Desarrollar la competencia intercultural en la atención a la ciudadanía.\n\
- Conocer las funciones de la mediación intercultural y saber cuándo recurrir a ella.\n\
- Trabajar con intérpretes profesionales y evitar que menores actúen como intérpretes.\n\
- Gestionar conflictos con enfoque de derechos y sin estereotipos.",
        hours: 30,
        modality: "online",
        audiences: &["public_servant", "mediator", "civil_society"],
        language: "es",
        accredited: true,
        place: None,
        meetings: 10,
        meeting_hours: 3,
    },
    DemoCourse {
        programme: 0,
        title: "Sesgos inconscientes en la selección y la gestión de personas",
        summary: "Curso en línea acreditado por la Universidad de León sobre cómo los sesgos inconscientes influyen en las oposiciones, las bolsas de empleo, la provisión de puestos y la evaluación del desempeño. Se revisan bases de convocatorias, entrevistas y tribunales para proponer procesos más objetivos, accesibles y diversos.",
        objectives: "- Reconocer los principales sesgos cognitivos en los procesos de selección y promoción.\n\
- Revisar bases de convocatoria y baremos con perspectiva de igualdad y diversidad.\n\
- Aplicar técnicas de entrevista estructurada y de composición equilibrada de tribunales.\n\
- Proponer indicadores para medir la diversidad de las plantillas públicas.",
        hours: 40,
        modality: "online",
        audiences: &["public_servant", "union_delegate"],
        language: "es",
        accredited: true,
        place: None,
        meetings: 8,
        meeting_hours: 5,
    },
    // --- Programme 0: webinars (2 h, 1 meeting, not accredited) -------------
    DemoCourse {
        programme: 0,
        title: "Webinario: discurso de odio y ciberacoso contra el personal de los servicios públicos",
        summary: "Sesión en línea de dos horas sobre el discurso de odio en redes sociales y sus efectos en las plantillas públicas y en la ciudadanía atendida. Se explica cómo documentar y denunciar los mensajes y qué apoyo puede ofrecer la organización sindical.",
        objectives: "- Diferenciar la libertad de expresión, el discurso de odio y el delito de odio.\n\
- Conocer los canales para documentar y denunciar contenidos de odio.\n\
- Identificar medidas de protección y acompañamiento para el personal afectado.",
        hours: 2,
        modality: "online",
        audiences: &["public_servant", "union_delegate", "civil_society", "other"],
        language: "es",
        accredited: false,
        place: None,
        meetings: 1,
        meeting_hours: 2,
    },
    DemoCourse {
        programme: 0,
        title: "Webinario: ¿qué hacer ante una discriminación en el trabajo?",
        summary: "Sesión breve y práctica para delegadas y delegados sindicales y personal público sobre los primeros pasos ante una situación de discriminación en el entorno laboral. ¿Cómo se acompaña a la persona afectada? ¿Qué vías y plazos existen? Se responde a las preguntas más frecuentes con ejemplos reales.",
        objectives: "- Conocer los primeros pasos para acompañar a una persona que sufre discriminación.\n\
- Identificar las vías internas, administrativas y judiciales de reclamación.\n\
- Saber qué información recoger y qué plazos tener en cuenta.",
        hours: 2,
        modality: "online",
        audiences: &["union_delegate", "public_servant"],
        language: "es",
        accredited: false,
        place: None,
        meetings: 1,
        meeting_hours: 2,
    },
    // --- Programmes 3, 4 and 1: the French network's member cities and the network
    DemoCourse {
        programme: 3,
        title: "Accueil des personnes nouvellement arrivées",
        summary: "Parcours de huit journées destiné aux agents municipaux et aux élus locaux chargés de l'accueil des personnes nouvellement arrivées sur le territoire. Il couvre l'accès aux droits, la domiciliation, l'orientation vers les services et la posture d'accueil, en s'appuyant sur les pratiques des villes du réseau.",
        objectives: "- Connaître le cadre juridique du séjour, de l'asile et de l'accès aux droits sociaux.\n\
- Organiser un premier accueil inconditionnel et adapté aux besoins des personnes.\n\
- Mobiliser l'interprétariat et des outils de communication plurilingues.\n\
- Construire un réseau local de partenaires institutionnels et associatifs.\n\
- Prévenir les discriminations dans l'accès aux services municipaux.",
        hours: 48,
        modality: "in_person",
        audiences: &["public_servant", "elected_official"],
        language: "fr",
        accredited: false,
        place: Some(4),
        meetings: 8,
        meeting_hours: 6,
    },
    DemoCourse {
        programme: 4,
        title: "Médiation en santé et en éducation : posture, droits et travail en réseau",
        summary: "Formation de cinq journées pour les médiatrices et médiateurs qui interviennent dans les établissements de santé, les écoles et les quartiers. Elle renforce la posture professionnelle, la connaissance des droits des familles et la coopération avec les équipes soignantes et éducatives.",
        objectives: "- Clarifier le rôle, les limites et l'éthique de la médiation en santé et en éducation.\n\
- Accompagner les familles dans l'accès aux soins, à la couverture maladie et à la scolarisation.\n\
- Faciliter le dialogue entre les professionnels et les personnes accompagnées.\n\
- Repérer les situations de discrimination et orienter vers les recours adaptés.",
        hours: 30,
        modality: "in_person",
        audiences: &["mediator", "civil_society"],
        language: "fr",
        accredited: false,
        place: Some(5),
        meetings: 5,
        meeting_hours: 6,
    },
    DemoCourse {
        programme: 1,
        title: "Séminaire : gouvernance locale des migrations et lutte contre les discriminations",
        summary: "Séminaire de deux journées, en présentiel à Villeurbanne et à distance, qui réunit élus, cadres territoriaux, médiateurs et associations. Il permet de partager les stratégies municipales d'accueil et d'intégration et de définir des engagements communs contre les discriminations.",
        objectives: "- Comparer les politiques municipales d'accueil et d'intégration des villes du réseau.\n\
- Identifier les leviers d'action des collectivités en matière de lutte contre les discriminations.\n\
- Élaborer des recommandations partagées pour la gouvernance locale des migrations.",
        hours: 12,
        modality: "blended",
        audiences: &["elected_official", "public_servant", "mediator", "civil_society"],
        language: "fr",
        accredited: false,
        place: Some(4),
        meetings: 2,
        meeting_hours: 6,
    },
    // --- Programme 2: the Tunisian municipalities, in French and Arabic ----
    DemoCourse {
        programme: 2,
        title: "Accueillir les personnes migrantes dans les services municipaux",
        summary: "Formation de trois journées pour les agents d'accueil et les élus des municipalités de Raoued et de La Marsa. À partir de situations vécues aux guichets, elle présente les droits des personnes migrantes, les services qui les accompagnent et les gestes d'un accueil sans discrimination.",
        objectives: "- Connaître les droits des personnes migrantes et les services qui les accompagnent.\n\
- Accueillir sans discrimination, y compris avec un interprète.\n\
- Orienter vers les partenaires associatifs et les services de l'État.",
        hours: 15,
        modality: "in_person",
        audiences: &["public_servant", "elected_official"],
        language: "fr",
        accredited: false,
        place: Some(6),
        meetings: 3,
        meeting_hours: 5,
    },
    DemoCourse {
        programme: 2,
        title: "Médiation en santé et en éducation auprès des familles migrantes",
        summary: "Formation de deux journées pour les médiatrices et médiateurs en santé et en éducation de La Marsa. Elle porte sur l'accès aux soins et à l'école des familles nouvellement arrivées et sur le travail avec les établissements et les associations.",
        objectives: "- Connaître l'accès aux soins et à la scolarité des familles migrantes.\n\
- Conduire un entretien de médiation avec une famille et un établissement.\n\
- Travailler en réseau avec les associations du territoire.",
        hours: 12,
        modality: "in_person",
        audiences: &["mediator", "civil_society"],
        language: "fr",
        accredited: false,
        place: Some(7),
        meetings: 2,
        meeting_hours: 6,
    },
];

/// The Tunisian project's courses in Arabic (issue 23): (index into
/// COURSES, title, summary, objectives), given as the course's texts in
/// Arabic beside its French.
pub const ARABIC_TEXTS: &[(usize, &str, &str, &str)] = &[
    (
        13,
        "استقبال المهاجرين في المصالح البلدية",
        "تكوين لمدة ثلاثة أيام لأعوان الاستقبال والمنتخبين في بلديتي رواد والمرسى. انطلاقا من وضعيات معيشة في الشبابيك، يقدّم حقوق المهاجرين والمصالح التي ترافقهم وممارسات الاستقبال دون تمييز.",
        "- معرفة حقوق المهاجرين والمصالح التي ترافقهم.\n\
- الاستقبال دون تمييز، بما في ذلك بحضور مترجم.\n\
- التوجيه نحو الشركاء من الجمعيات ومصالح الدولة.",
    ),
    (
        14,
        "الوساطة في الصحة والتعليم لدى العائلات المهاجرة",
        "تكوين لمدة يومين لفائدة الوسيطات والوسطاء في الصحة والتعليم ببلدية المرسى. يتناول نفاذ العائلات الوافدة حديثا إلى العلاج وإلى المدرسة، والعمل مع المؤسسات والجمعيات.",
        "- معرفة نفاذ العائلات المهاجرة إلى العلاج والتمدرس.\n\
- إدارة مقابلة وساطة مع عائلة ومؤسسة.\n\
- العمل الشبكي مع جمعيات الجهة.",
    ),
];

/// Trainers: four for the union programme, two for the French project.
pub const TRAINERS: &[StaffMember] = &[
    StaffMember {
        name: "Lucía Moreno Ortega",
        email: "lucia.moreno@formacion.example.org",
    },
    StaffMember {
        name: "Javier Castaño Ruiz",
        email: "javier.castano@formacion.example.org",
    },
    StaffMember {
        name: "Amina El Idrissi Benali",
        email: "amina.elidrissi@formacion.example.org",
    },
    StaffMember {
        name: "Rocío Fernández Gil",
        email: "rocio.fernandez@formacion.example.org",
    },
    StaffMember {
        name: "Claire Dubois",
        email: "claire.dubois@villes-accueillantes.example.org",
    },
    StaffMember {
        name: "Mamadou Diallo",
        email: "mamadou.diallo@villes-accueillantes.example.org",
    },
];

/// 80 given names: Spanish (incl. Catalan, Basque, Galician), Moroccan,
/// Romanian, Latin-American, Senegalese and French, plus 3 in Arabic script.
pub const GIVEN_NAMES: &[&str] = &[
    // Spanish
    "María",
    "José",
    "Carmen",
    "Antonio",
    "Ana",
    "Manuel",
    "Lucía",
    "Francisco",
    "Isabel",
    "Javier",
    "Laura",
    "David",
    "Marta",
    "Juan Carlos",
    "Pilar",
    "Alejandro",
    "Cristina",
    "Sergio",
    "Rocío",
    "Pablo",
    "Elena",
    "Jesús",
    "Raquel",
    "Álvaro",
    "Nuria",
    "Íñigo",
    "Begoña",
    "Jordi",
    "Montserrat",
    "Xavier",
    "Aitor",
    "Ainhoa",
    "Xosé",
    "Uxía",
    "Mireia",
    "Sofía",
    "Andrés",
    "Inmaculada",
    "Ramón",
    "Concepción",
    "Óscar",
    "Noelia",
    "Joaquín",
    "Mónica",
    "Rubén",
    // Moroccan
    "Fátima",
    "Mohamed",
    "Youssef",
    "Khadija",
    "Hamza",
    "Salma",
    "Nadia",
    // Romanian
    "Ioana",
    "Andrei",
    "Mihaela",
    "Ștefan",
    "Alexandru",
    // Latin-American
    "Yesenia",
    "Wilson",
    "Guadalupe",
    "Jhon Jairo",
    "Valentina",
    "Dayana",
    "Luis Fernando",
    // Senegalese
    "Mamadou",
    "Aïssatou",
    "Ousmane",
    "Fatou",
    "Cheikh",
    // French
    "Camille",
    "Théo",
    "Léa",
    "Benoît",
    "Élodie",
    "François",
    "Hélène",
    "Jérôme",
    // Arabic script (right-to-left rendering)
    "فاطمة",
    "محمد",
    "ياسمين",
];

/// 80 family names, same mix as [`GIVEN_NAMES`], including 2 in Arabic script.
pub const FAMILY_NAMES: &[&str] = &[
    // Spanish
    "García",
    "Rodríguez",
    "González",
    "Fernández",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Martín",
    "Jiménez",
    "Ruiz",
    "Hernández",
    "Díaz",
    "Moreno",
    "Muñoz",
    "Álvarez",
    "Romero",
    "Alonso",
    "Gutiérrez",
    "Navarro",
    "Torres",
    "Domínguez",
    "Vázquez",
    "Ramos",
    "Gil",
    "Ramírez",
    "Serrano",
    "Blanco",
    "Molina",
    "Castaño",
    "Ortega",
    "Delgado",
    "Núñez",
    "Iglesias",
    "Garrido",
    "Peña",
    "Calvo",
    "Marín",
    "Cabrera",
    "Puig",
    "Ferrer",
    "Vidal",
    "Etxeberria",
    "Goikoetxea",
    "Castro",
    "Otero",
    "Rey",
    // Moroccan
    "El Amrani",
    "Benali",
    "El Idrissi",
    "Bouzid",
    "Ouali",
    "Tahiri",
    "Haddad",
    // Romanian
    "Popescu",
    "Ionescu",
    "Dumitru",
    "Constantinescu",
    "Stan",
    // Latin-American
    "Quispe",
    "Mamani",
    "Zambrano",
    "Cárdenas",
    "Restrepo",
    "Villalobos",
    // Senegalese
    "Diallo",
    "Ndiaye",
    "Diop",
    "Sow",
    "Fall",
    "Faye",
    // French
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Girard",
    "Bonnet",
    "Rousseau",
    // Arabic script (right-to-left rendering)
    "العلوي",
    "بنعلي",
];

/// 110 distinct Spanish public employers.
pub const WORKPLACES: &[&str] = &[
    // Andalucía
    "Ayuntamiento de Sevilla",
    "Ayuntamiento de Málaga",
    "Ayuntamiento de Dos Hermanas",
    "Ayuntamiento de El Ejido",
    "Diputación de Sevilla",
    "Diputación de Granada",
    "Hospital Universitario Virgen del Rocío",
    "Hospital Universitario Virgen Macarena",
    "Hospital Regional Universitario de Málaga",
    "Centro de Salud Polígono Sur (Sevilla)",
    "Centro de Salud Almanjáyar (Granada)",
    "IES Murillo (Sevilla)",
    "IES Al-Ándalus (Almería)",
    "Consejería de Inclusión Social, Juventud, Familias e Igualdad de la Junta de Andalucía",
    "Servicio Andaluz de Empleo – Oficina de Triana",
    "Agencia Tributaria – Delegación Especial de Andalucía",
    "Universidad de Sevilla",
    "Instituto Andaluz de la Mujer – Centro Provincial de Huelva",
    "Centro de Servicios Sociales Comunitarios de Níjar",
    // Castilla y León
    "Ayuntamiento de Valladolid",
    "Ayuntamiento de León",
    "Ayuntamiento de Salamanca",
    "Ayuntamiento de Burgos",
    "Diputación de León",
    "Diputación de Valladolid",
    "Hospital Clínico Universitario de Valladolid",
    "Complejo Asistencial Universitario de León",
    "Complejo Asistencial Universitario de Salamanca",
    "Consejería de Educación de la Junta de Castilla y León",
    "Gerencia de Servicios Sociales de Castilla y León",
    "Centro de Salud Delicias (Valladolid)",
    "IES Zorrilla (Valladolid)",
    "IES Legio VII (León)",
    "Universidad de León",
    "Servicio Público de Empleo de Castilla y León – Oficina de Ponferrada",
    "Subdelegación del Gobierno en Segovia",
    // Illes Balears
    "Ajuntament de Palma",
    "Consell de Mallorca",
    "Consell Insular d'Eivissa",
    "Ajuntament de Manacor",
    "Hospital Universitario Son Espases",
    "Hospital Universitario Son Llàtzer",
    "Centro de Salud Son Gotleu (Palma)",
    "IES Ramon Llull (Palma)",
    "Conselleria de Educación y Universidades del Govern de les Illes Balears",
    "Servei d'Ocupació de les Illes Balears – Oficina de Inca",
    "Universitat de les Illes Balears",
    "Instituto Mallorquín de Asuntos Sociales (IMAS)",
    // Extremadura
    "Ayuntamiento de Mérida",
    "Ayuntamiento de Badajoz",
    "Ayuntamiento de Cáceres",
    "Ayuntamiento de Plasencia",
    "Diputación de Badajoz",
    "Diputación de Cáceres",
    "Hospital Universitario de Badajoz",
    "Hospital de Mérida",
    "Centro de Salud Urbano I de Mérida",
    "IES Santa Eulalia (Mérida)",
    "Servicio Público de Empleo Estatal – Oficina de Mérida",
    "Servicio Extremeño Público de Empleo – Centro de Empleo de Don Benito",
    "Consejería de Salud y Servicios Sociales de la Junta de Extremadura",
    "Universidad de Extremadura",
    // Comunidad de Madrid and State administration
    "Ayuntamiento de Madrid",
    "Ayuntamiento de Getafe",
    "Ayuntamiento de Fuenlabrada",
    "Consejería de Familia, Juventud y Asuntos Sociales de la Comunidad de Madrid",
    "Hospital Universitario La Paz",
    "Hospital General Universitario Gregorio Marañón",
    "Centro de Salud Lavapiés (Madrid)",
    "IES Lope de Vega (Madrid)",
    "Ministerio de Igualdad",
    "Ministerio de Inclusión, Seguridad Social y Migraciones",
    "Instituto Nacional de la Seguridad Social – CAISS de Tetuán",
    "Tesorería General de la Seguridad Social – Dirección Provincial de Madrid",
    "Servicio Público de Empleo Estatal – Oficina de Getafe",
    "Instituto de las Mujeres",
    "Instituto Nacional de Administración Pública (INAP)",
    "Dirección General de la Policía – Comisaría Provincial de Málaga",
    "Oficina de Extranjería de Barcelona",
    // Cataluña
    "Ajuntament de Barcelona",
    "Ajuntament de L'Hospitalet de Llobregat",
    "Hospital Universitari Vall d'Hebron",
    "Departament d'Igualtat i Feminismes de la Generalitat de Catalunya",
    "Institut Català de la Salut – CAP Raval Sud",
    // Comunitat Valenciana
    "Ajuntament de València",
    "Ayuntamiento de Alicante",
    "Hospital General Universitario Dr. Balmis (Alicante)",
    "Diputación de Valencia",
    "Agencia Tributaria – Delegación de Valencia",
    "Conselleria de Educación – Dirección Territorial de Castellón",
    // Other regions and autonomous cities
    "Concello de Vigo",
    "Consellería de Política Social de la Xunta de Galicia",
    "Ayuntamiento de Gijón",
    "Hospital Universitario Central de Asturias",
    "Ayuntamiento de Santander",
    "Ayuntamiento de Bilbao",
    "Osakidetza – Hospital Universitario de Cruces",
    "Ayuntamiento de Pamplona",
    "Ayuntamiento de Zaragoza",
    "Hospital Universitario Miguel Servet",
    "Ayuntamiento de Logroño",
    "Ayuntamiento de Murcia",
    "Servicio Murciano de Salud – Centro de Salud Cartagena Casco",
    "Cabildo de Gran Canaria",
    "Ayuntamiento de Santa Cruz de Tenerife",
    "Junta de Comunidades de Castilla-La Mancha – Delegación Provincial de Toledo",
    "Ayuntamiento de Albacete",
    "Consejería de Servicios Sociales de la Ciudad Autónoma de Ceuta",
    "Hospital Comarcal de Melilla",
    "Agencia Tributaria – Delegación de Ceuta",
];

/// 30 job titles in the Spanish public sector.
pub const JOB_TITLES: &[&str] = &[
    "Auxiliar administrativo",
    "Administrativa",
    "Técnico de gestión",
    "Técnica de administración general",
    "Trabajadora social",
    "Educador social",
    "Enfermera",
    "Enfermero de atención primaria",
    "Técnica en cuidados auxiliares de enfermería",
    "Médica de familia",
    "Celador",
    "Técnico de empleo",
    "Orientadora laboral",
    "Delegada sindical",
    "Delegado de prevención",
    "Agente de policía local",
    "Bombero",
    "Profesora de secundaria",
    "Maestro de educación infantil",
    "Profesor técnico de servicios a la comunidad",
    "Integradora social",
    "Mediadora intercultural",
    "Agente de igualdad",
    "Técnica de recursos humanos",
    "Subinspectora de empleo y seguridad social",
    "Conserje de centro educativo",
    "Bibliotecaria",
    "Ingeniero técnico municipal",
    "Jefa de negociado",
    "Intérprete de lengua de signos",
];

/// The region (ISO 3166-2 code) of each of [`WORKPLACES`], in the same order.
pub const WORKPLACE_REGIONS: &[&str] = &[
    // Andalucía (19)
    "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN",
    "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", "ES-AN", // Castilla y León (17)
    "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL",
    "ES-CL", "ES-CL", "ES-CL", "ES-CL", "ES-CL", // Illes Balears (12)
    "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB", "ES-IB",
    // Extremadura (14)
    "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX", "ES-EX",
    "ES-EX",
    // Comunidad de Madrid and the State's offices there (15), Málaga's police station, Barcelona's immigration office
    "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD", "ES-MD",
    "ES-MD", "ES-MD", "ES-AN", "ES-CT", // Cataluña (5)
    "ES-CT", "ES-CT", "ES-CT", "ES-CT", "ES-CT", // Comunitat Valenciana (6)
    "ES-VC", "ES-VC", "ES-VC", "ES-VC", "ES-VC", "ES-VC",
    // Galicia, Asturias, Cantabria, País Vasco, Navarra, Aragón, La Rioja, Murcia, Canarias,
    // Castilla-La Mancha, Ceuta, Melilla, Ceuta
    "ES-GA", "ES-GA", "ES-AS", "ES-AS", "ES-CB", "ES-PV", "ES-PV", "ES-NC", "ES-AR", "ES-AR", "ES-RI", "ES-MC", "ES-MC",
    "ES-CN", "ES-CN", "ES-CM", "ES-CM", "ES-CE", "ES-ML", "ES-CE",
];

/// Employers of the French project's trainees, with their region.
pub const FR_WORKPLACES: &[(&str, &str)] = &[
    ("Ville de Villeurbanne", "FR-ARA"),
    ("Métropole de Lyon", "FR-ARA"),
    ("Ville de Lyon – Direction du développement territorial", "FR-ARA"),
    ("CCAS de Villeurbanne", "FR-ARA"),
    ("Ville de Vaulx-en-Velin", "FR-ARA"),
    ("Ville de Vénissieux", "FR-ARA"),
    ("Hospices Civils de Lyon", "FR-ARA"),
    ("Préfecture du Rhône", "FR-ARA"),
    ("Forum Réfugiés", "FR-ARA"),
    ("Ville de Grenoble", "FR-ARA"),
    ("Ville de Montpellier", "FR-OCC"),
    ("Montpellier Méditerranée Métropole", "FR-OCC"),
    ("CCAS de Montpellier", "FR-OCC"),
    ("CHU de Montpellier", "FR-OCC"),
    ("Ville de Toulouse", "FR-OCC"),
    ("Département de l'Hérault – PMI", "FR-OCC"),
    ("Ville de Nîmes", "FR-OCC"),
    ("Réseau Santé Précarité Occitanie", "FR-OCC"),
];

/// Job titles of the French project's trainees.
pub const FR_JOB_TITLES: &[&str] = &[
    "Agent d'accueil",
    "Chargée de mission égalité",
    "Conseiller municipal délégué",
    "Adjointe au maire",
    "Médiatrice en santé",
    "Médiateur scolaire",
    "Travailleuse sociale",
    "Responsable du CCAS",
    "Agent d'état civil",
    "Directrice de centre social",
    "Coordinatrice de l'accueil des nouveaux arrivants",
    "Éducateur spécialisé",
    "Chargé de projet politique de la ville",
];

/// Answers to the survey's "what will you apply" question, in Spanish.
pub const SURVEY_APPLY_ES: &[&str] = &[
    "Revisaré los formularios de mi servicio para que usen un lenguaje claro e inclusivo.",
    "Aplicaré el protocolo frente al acoso que hemos trabajado en el curso.",
    "Propondré en mi unidad una guía de atención a personas con discapacidad.",
    "Cuidaré más cómo me dirijo a las personas que no dominan el castellano y pediré intérprete cuando haga falta.",
    "Llevaré a la mesa de negociación medidas LGTBI para el plan de igualdad.",
    "Compartiré con mi equipo los casos prácticos sobre discriminación indirecta.",
    "Revisaré con el tribunal las bases de la próxima convocatoria para evitar sesgos.",
    "Sabré orientar a quien me cuente que ha sufrido un trato discriminatorio.",
    "Pondré en marcha un registro de incidencias de discriminación en la oficina.",
    "Usaré la lectura fácil en los avisos al público.",
    "Aplicaré lo aprendido en la atención al público.",
    "Haré un diagnóstico de accesibilidad de nuestro punto de atención.",
];

/// Answers to the survey's "what would you change" question, in Spanish.
pub const SURVEY_CHANGE_ES: &[&str] = &[
    "Más tiempo para los casos prácticos.",
    "Que los materiales estén disponibles antes de cada sesión.",
    "Alguna sesión más sobre jurisprudencia reciente.",
    "El horario de tarde me resulta difícil de compatibilizar con el turno.",
    "Grupos más pequeños para los talleres.",
    "Mejor conexión en la plataforma: algunas sesiones se cortaron.",
    "Nada, ha sido muy útil.",
    "Incluir testimonios de personas que han sufrido discriminación.",
    "Más ejemplos del ámbito sanitario.",
];

/// Answers to the survey's "what will you apply" question, in French.
pub const SURVEY_APPLY_FR: &[&str] = &[
    "Je vais revoir l'accueil téléphonique de notre service avec l'interprétariat.",
    "Je proposerai une fiche d'orientation vers les associations du réseau.",
    "J'utiliserai les outils de communication plurilingues présentés.",
    "Je saurai mieux orienter une famille vers la couverture maladie.",
    "Nous allons créer un groupe de travail avec les autres villes du réseau.",
];

/// Answers to the survey's "what would you change" question, in French.
pub const SURVEY_CHANGE_FR: &[&str] = &[
    "Plus de temps d'échange entre participants.",
    "Des supports envoyés à l'avance.",
    "Une journée de plus sur le droit au séjour.",
    "Rien, c'était très riche.",
];

/// Why people cancelled a registration.
pub const CANCEL_REASONS_ES: &[&str] = &[
    "No puedo asistir por necesidades del servicio.",
    "Coincide con otra formación.",
    "Baja por enfermedad.",
    "Cambio de turno.",
];

/// Why people cancelled a registration, in French.
pub const CANCEL_REASONS_FR: &[&str] = &["Contrainte de service.", "Indisponible à ces dates."];

/// Why an organiser revoked a certificate.
pub const REVOKE_REASONS: &[&str] = &[
    "Emitido por error: la asistencia se corrigió tras revisar las hojas de firmas.",
    "Nombre de la persona titular incorrecto; se emitirá uno nuevo.",
    "Duplicado de otro certificado de la misma persona.",
    "A petición de la entidad acreditadora tras la auditoría de asistencia.",
];

/// An outreach activity of a programme (issue 20), `days_ago` before the
/// demo's day.
pub struct Outreach {
    pub programme: usize,
    pub kind: &'static str,
    pub title: &'static str,
    pub days_ago: i64,
    pub place: &'static str,
    pub region: Option<&'static str>,
    pub audience: Option<&'static str>,
    pub attendees: u32,
    pub viewers: u32,
    pub materials: &'static [(&'static str, u32)],
    /// Names and e-mails (empty: none given) written down at the door.
    pub walk_ins: &'static [(&'static str, &'static str)],
}

/// The programmes' outreach: the union's webinar, presentation and
/// leaflets; Villeurbanne's information meeting with walk-ins; the
/// Tunisian project's stand.
pub const OUTREACH: &[Outreach] = &[
    Outreach {
        programme: 0,
        kind: "webinar",
        title: "Webinario: el plan de igualdad en la administración local",
        days_ago: 200,
        place: "Canal de YouTube del sindicato",
        region: None,
        audience: Some("union_delegate"),
        attendees: 0,
        viewers: 412,
        materials: &[],
        walk_ins: &[],
    },
    Outreach {
        programme: 0,
        kind: "presentation",
        title: "Presentación del programa en la delegación de Sevilla",
        days_ago: 150,
        place: "Sevilla",
        region: Some("ES-AN"),
        audience: Some("public_servant"),
        attendees: 46,
        viewers: 0,
        materials: &[("leaflet", 120), ("guide", 40)],
        walk_ins: &[],
    },
    Outreach {
        programme: 0,
        kind: "materials_distribution",
        title: "Reparto de folletos el 25N",
        days_ago: 90,
        place: "Valladolid",
        region: Some("ES-CL"),
        audience: None,
        attendees: 0,
        viewers: 0,
        materials: &[("leaflet", 800), ("poster", 60)],
        walk_ins: &[],
    },
    Outreach {
        programme: 3,
        kind: "information_meeting",
        title: "Réunion d'information sur l'accueil des personnes nouvellement arrivées",
        days_ago: 120,
        place: "Maison des associations, Villeurbanne",
        region: None,
        audience: Some("newly_arrived"),
        attendees: 18,
        viewers: 0,
        materials: &[("guide", 25)],
        walk_ins: &[
            ("Mariam Keita", ""),
            ("Ibrahim Sow", "ibrahim.sow@example.org"),
            ("Olga Petrenko", ""),
        ],
    },
    Outreach {
        programme: 2,
        kind: "stand",
        title: "Stand d'information au marché municipal",
        days_ago: 60,
        place: "La Marsa",
        region: None,
        audience: None,
        attendees: 140,
        viewers: 0,
        materials: &[("leaflet", 300)],
        walk_ins: &[],
    },
];
