use atelier::model::suggest::{suggest, THRESHOLD_STEP, DEFAULT_THRESHOLD};
use atelier::model::Id;
#[test]
fn probe() {
    let texts = [
        "Ouvrir la bibliothèque le dimanche",
        "Bibliotheque ouverte le dimanche matin",
        "Horaires élargis à la Bibliothèque",
        "Planter des arbres dans la cour de l'école",
        "Plus d'arbres et d'ombre dans la cour",
        "More shade trees in the playground",
        "Shade sails over the playground benches",
        "Gourdes offertes",
    ];
    let input: Vec<(Id, &str)> = texts.iter().enumerate().map(|(i, t)| (Id(format!("s-{i}")), *t)).collect();
    for k in -3..8 {
        let th = DEFAULT_THRESHOLD + k as f32 * THRESHOLD_STEP;
        println!("th {th:.2}");
        for s in suggest(&input, th) { println!("   {:?} {:?} {:?}", s.title, s.words, s.stickies.iter().map(|i| i.0.clone()).collect::<Vec<_>>()); }
    }
    let demo = atelier::store::load_file(std::path::Path::new("sessions/demo.ron")).unwrap();
    for sc in [atelier::model::suggest::Scope::Inbox, atelier::model::suggest::Scope::Board] {
        let v = demo.suggest_clusters(sc, DEFAULT_THRESHOLD);
        println!("demo {sc:?}: {}", v.len());
        for s in v.iter().take(5) { println!("   {:?} {:?} {}", s.title, s.words, s.stickies.len()); }
    }
}
