import type { ProductSeed } from "../catalog-types";
import { PROMO_ENDED, PROMO_LONG, PROMO_THIS_WEEK } from "../dates";

export const formations: ProductSeed[] = [
  {
    slug: "formation-complete-facebook-ads-2026",
    title: "Formation complète Facebook Ads 2026",
    category: "formations",
    kind: "file",
    price: 15000,
    promoPrice: 11900,
    promoEndsAt: PROMO_LONG,
    featured: true,
    tags: ["facebook", "publicité", "marketing", "meta", "instagram"],
    summary:
      "Apprenez à lancer des publicités Facebook et Instagram rentables, même avec un petit budget en F CFA. Une méthode pas à pas, pensée pour les vendeurs d'Afrique francophone.",
    description: [
      [
        "p",
        "Vous publiez tous les jours mais vos ventes ne décollent pas ? Cette formation vous montre **comment transformer 2 000 F par jour de publicité en clients réels**, avec des exemples tirés de boutiques de Douala, Abidjan et Dakar.",
      ],
      ["h3", "Ce que vous allez apprendre"],
      [
        "ul",
        [
          "Créer et sécuriser votre compte publicitaire Meta (Business Manager)",
          "Cibler les bons acheteurs par ville, âge et centres d'intérêt",
          "Écrire des annonces qui donnent envie d'écrire sur WhatsApp",
          "Lire vos statistiques et couper les pubs qui ne rapportent rien",
        ],
      ],
      ["p", "Chaque module se termine par un exercice concret : à la fin, votre première campagne est en ligne."],
    ],
    features: [
      "Guide PDF de 9 modules, du compte publicitaire à la première vente",
      "Méthode de ciblage adaptée au Cameroun, à la Côte d'Ivoire et au Sénégal",
      "30 modèles d'annonces à copier et adapter",
      "Tableau de suivi du budget publicitaire en F CFA",
      "Checklist de lancement de campagne en bonus",
      "Mises à jour 2026 incluses",
    ],
    faq: [
      [
        "Faut-il une carte bancaire pour payer les publicités ?",
        "Non : la formation explique comment recharger votre compte publicitaire avec une carte virtuelle alimentée par mobile money.",
      ],
      [
        "Je débute complètement, est-ce pour moi ?",
        "Oui. On part de zéro : création du compte, de la page et de la première annonce.",
      ],
    ],
    salesCount: 412,
    publishedOn: "2026-01-15",
    downloadLimit: 10,
    downloadValidityDays: 90,
    files: [
      {
        title: "Formation Facebook Ads 2026 (guide PDF)",
        chapters: [
          "Créer son Business Manager",
          "Comprendre l'algorithme de Meta",
          "Le ciblage qui vend",
          "Écrire des annonces qui convertissent",
          "Budget et enchères en F CFA",
          "Analyser et optimiser ses campagnes",
        ],
      },
      {
        title: "Bonus : checklist de lancement de campagne",
        chapters: ["Avant de lancer", "Pendant les 72 premières heures", "Après une semaine"],
      },
    ],
  },
  {
    slug: "formation-marketing-digital-de-a-a-z",
    title: "Formation marketing digital de A à Z",
    category: "formations",
    kind: "file",
    price: 12500,
    featured: true,
    tags: ["marketing digital", "réseaux sociaux", "stratégie", "entrepreneuriat"],
    summary:
      "Toutes les bases du marketing en ligne réunies en un seul programme : réseaux sociaux, contenu, e-mail, WhatsApp et publicité. Idéal pour lancer ou relancer votre activité.",
    description: [
      [
        "p",
        "Le marketing digital n'est pas réservé aux grandes entreprises. Avec un téléphone et une bonne méthode, vous pouvez faire connaître votre activité dans tout votre pays.",
      ],
      ["h3", "Au programme"],
      [
        "ul",
        [
          "Définir votre client idéal et votre message",
          "Construire un calendrier de publications réaliste",
          "Utiliser WhatsApp, Facebook, Instagram et TikTok ensemble",
          "Mesurer ce qui marche et doubler la mise",
        ],
      ],
    ],
    features: [
      "Programme complet en 12 chapitres",
      "Modèle de plan marketing sur 90 jours",
      "Calendrier éditorial prêt à remplir",
      "Études de cas de commerçants africains",
      "Exercices pratiques à la fin de chaque chapitre",
    ],
    faq: [
      [
        "Combien de temps faut-il pour suivre la formation ?",
        "Comptez environ trois semaines à raison de 30 minutes par jour.",
      ],
      [
        "La formation convient-elle à un service et pas à un produit ?",
        "Oui : les exemples couvrent aussi bien la vente de produits que de services (coiffure, cours, transport…).",
      ],
    ],
    salesCount: 356,
    publishedOn: "2026-01-20",
    files: [
      {
        title: "Marketing digital de A à Z (guide PDF)",
        chapters: [
          "Les fondamentaux du marketing digital",
          "Trouver son client idéal",
          "Créer du contenu qui attire",
          "WhatsApp, le canal numéro un",
          "La publicité payante sans se ruiner",
          "Mesurer et améliorer",
        ],
      },
      {
        title: "Modèle de plan marketing sur 90 jours",
        chapters: ["Mois 1 : se faire connaître", "Mois 2 : convertir", "Mois 3 : fidéliser"],
      },
    ],
  },
  {
    slug: "lancer-son-e-commerce-au-cameroun",
    title: "Lancer son e-commerce au Cameroun",
    category: "formations",
    kind: "file",
    price: 9500,
    promoPrice: 7500,
    promoEndsAt: PROMO_THIS_WEEK,
    featured: true,
    tags: ["e-commerce", "cameroun", "boutique en ligne", "livraison", "mobile money"],
    summary:
      "De l'idée à la première commande livrée : choisir ses produits, encaisser par Orange Money et MTN MoMo, organiser la livraison à Douala, Yaoundé et dans les régions.",
    description: [
      [
        "p",
        "Vendre en ligne au Cameroun a ses règles : paiement à la livraison, mobile money, motos-taxis, confiance à gagner. Cette formation vous donne **une méthode testée sur le terrain**.",
      ],
      [
        "p",
        "Vous apprendrez à choisir des produits qui se vendent, à fixer des prix qui laissent une vraie marge et à livrer sans perdre d'argent sur les retours.",
      ],
      ["h3", "Pour qui ?"],
      [
        "ul",
        [
          "Les commerçants qui veulent vendre au-delà de leur quartier",
          "Les étudiants et salariés qui cherchent un revenu complémentaire",
          "Les créateurs qui ont déjà une page Facebook ou Instagram",
        ],
      ],
    ],
    features: [
      "Guide complet en 8 étapes, de l'idée à la livraison",
      "Liste de 40 produits qui se vendent bien en ligne au Cameroun",
      "Modèle de calcul du prix de vente et de la marge",
      "Procédure de livraison à Douala, Yaoundé et en région",
      "Scripts de réponse aux clients sur WhatsApp",
    ],
    faq: [
      [
        "Faut-il un site internet pour commencer ?",
        "Non : la formation montre comment démarrer avec WhatsApp Business et une page Facebook, puis passer à une boutique en ligne.",
      ],
      [
        "Les conseils valent-ils hors du Cameroun ?",
        "La méthode fonctionne partout en Afrique centrale et de l'Ouest ; seuls les exemples de livraison sont propres au Cameroun.",
      ],
    ],
    salesCount: 198,
    publishedOn: "2026-10-05",
    files: [
      {
        title: "Lancer son e-commerce au Cameroun (guide PDF)",
        chapters: [
          "Choisir ses produits",
          "Fixer ses prix et sa marge",
          "Encaisser par mobile money",
          "Organiser la livraison",
          "Gagner la confiance des clients",
          "Passer de 1 à 10 commandes par jour",
        ],
      },
    ],
  },
  {
    slug: "formation-excel-du-debutant-a-l-expert",
    title: "Formation Excel : du débutant à l'expert",
    category: "formations",
    kind: "file",
    price: 7500,
    tags: ["excel", "bureautique", "tableur", "emploi", "comptabilité"],
    summary:
      "Maîtrisez Excel pas à pas : formules, tableaux croisés dynamiques, graphiques et tableaux de bord. La compétence que les recruteurs demandent partout.",
    description: [
      [
        "p",
        "Excel est demandé dans presque toutes les offres d'emploi de bureau. Cette formation vous fait passer **des premières cellules aux tableaux de bord professionnels**, avec des fichiers d'exercice à chaque étape.",
      ],
      ["h3", "Vous saurez"],
      [
        "ul",
        [
          "Utiliser les formules essentielles : SOMME, SI, RECHERCHEV, NB.SI",
          "Construire un tableau croisé dynamique en deux minutes",
          "Créer des graphiques clairs pour vos rapports",
          "Monter un tableau de bord de ventes ou de stock",
        ],
      ],
    ],
    features: [
      "Cours PDF progressif en 10 leçons",
      "Exercices corrigés pour chaque leçon",
      "Mémo des 60 formules les plus utiles",
      "Compatible Excel 2016, 2019, 2021 et Microsoft 365",
      "Fonctionne aussi avec Google Sheets",
    ],
    faq: [
      [
        "Puis-je suivre la formation sur téléphone ?",
        "Vous pouvez lire les leçons sur téléphone, mais pour les exercices un ordinateur avec Excel ou Google Sheets est conseillé.",
      ],
      [
        "Je n'ai pas Excel, que faire ?",
        "Google Sheets, gratuit, suffit pour 90 % des exercices. Vous pouvez aussi acheter une licence Office dans notre boutique.",
      ],
    ],
    salesCount: 287,
    publishedOn: "2026-02-03",
    files: [
      {
        title: "Formation Excel du débutant à l'expert (cours PDF)",
        chapters: [
          "Prendre en main Excel",
          "Les formules de base",
          "Les fonctions logiques et de recherche",
          "Les tableaux croisés dynamiques",
          "Les graphiques",
          "Construire un tableau de bord",
        ],
      },
      {
        title: "Mémo : les 60 formules Excel essentielles",
        chapters: ["Calculs", "Textes et dates", "Recherche", "Logique"],
      },
    ],
  },
  {
    slug: "creer-et-monetiser-sa-chaine-youtube",
    title: "Créer et monétiser sa chaîne YouTube",
    category: "formations",
    kind: "file",
    price: 8000,
    tags: ["youtube", "vidéo", "créateur", "monétisation"],
    summary:
      "Lancez une chaîne YouTube qui grandit : trouver sa niche, tourner avec son téléphone, optimiser ses titres et atteindre les conditions de monétisation.",
    description: [
      [
        "p",
        "De plus en plus de créateurs africains vivent de YouTube. Vous n'avez besoin ni d'un studio ni d'une caméra chère : **votre téléphone suffit pour commencer**.",
      ],
      [
        "p",
        "Cette formation vous accompagne de la création de la chaîne jusqu'aux premiers revenus : publicité, sponsors locaux et vente de vos propres produits.",
      ],
    ],
    features: [
      "Guide PDF en 7 chapitres",
      "Méthode pour trouver une niche rentable",
      "Matériel conseillé avec tous les budgets",
      "Modèles de titres et de miniatures qui attirent les clics",
      "Plan de publication sur 3 mois",
    ],
    faq: [
      [
        "Combien d'abonnés faut-il pour être payé ?",
        "YouTube demande 1 000 abonnés et 4 000 heures de visionnage sur un an ; la formation explique comment y arriver plus vite et comment gagner de l'argent avant.",
      ],
      [
        "Peut-on recevoir l'argent de YouTube en Afrique ?",
        "Oui : le guide détaille la configuration d'AdSense et les moyens de recevoir vos paiements.",
      ],
    ],
    salesCount: 143,
    publishedOn: "2026-04-22",
    files: [
      {
        title: "Créer et monétiser sa chaîne YouTube (guide PDF)",
        chapters: [
          "Trouver sa niche",
          "Créer et configurer la chaîne",
          "Tourner et monter avec son téléphone",
          "Titres, miniatures et référencement",
          "Les sources de revenus",
        ],
      },
    ],
  },
  {
    slug: "formation-tiktok-business",
    title: "Formation TikTok Business : vendre avec la vidéo courte",
    category: "formations",
    kind: "file",
    price: 6500,
    promoPrice: 5000,
    promoEndsAt: PROMO_ENDED,
    tags: ["tiktok", "vidéo", "réseaux sociaux", "vente"],
    summary:
      "Utilisez TikTok pour faire connaître vos produits et recevoir des commandes : idées de vidéos, tendances, lives et publicité TikTok.",
    description: [
      [
        "p",
        "TikTok est devenu la vitrine préférée des jeunes acheteurs. Cette formation vous apprend à **publier des vidéos courtes qui font vendre**, sans danser si vous n'en avez pas envie.",
      ],
      ["h3", "Les points clés"],
      [
        "ul",
        [
          "50 idées de vidéos pour présenter un produit",
          "Les bons horaires de publication en Afrique de l'Ouest et centrale",
          "Organiser un live de vente",
        ],
      ],
    ],
    features: [
      "Guide PDF en 6 chapitres",
      "50 idées de vidéos prêtes à tourner",
      "Calendrier de publication sur 30 jours",
      "Astuces de montage avec CapCut",
      "Introduction à la publicité TikTok",
    ],
    faq: [
      [
        "Faut-il montrer son visage ?",
        "Non : plusieurs formats présentés fonctionnent avec seulement vos mains, vos produits ou une voix off.",
      ],
    ],
    salesCount: 231,
    publishedOn: "2026-05-11",
    files: [
      {
        title: "TikTok Business (guide PDF)",
        chapters: [
          "Comprendre l'algorithme de TikTok",
          "Créer un compte professionnel",
          "50 idées de vidéos qui vendent",
          "Réussir ses lives",
          "La publicité TikTok",
        ],
      },
    ],
  },
  {
    slug: "vendre-sur-whatsapp-business",
    title: "Vendre sur WhatsApp Business",
    category: "formations",
    kind: "file",
    price: 4500,
    featured: true,
    tags: ["whatsapp", "vente", "service client", "statuts"],
    summary:
      "Faites de WhatsApp votre meilleur vendeur : catalogue, statuts qui vendent, messages automatiques, listes de diffusion et relances clients.",
    description: [
      [
        "p",
        "En Afrique francophone, **la plupart des ventes en ligne se concluent sur WhatsApp**. Cette formation vous apprend à l'utiliser comme un vrai outil de vente, pas seulement comme une messagerie.",
      ],
      ["h3", "Vous apprendrez à"],
      [
        "ul",
        [
          "Configurer un profil professionnel et un catalogue attractif",
          "Publier des statuts qui déclenchent des commandes",
          "Gagner du temps avec les réponses rapides et les étiquettes",
          "Relancer vos clients sans les agacer",
        ],
      ],
    ],
    features: [
      "Guide PDF en 7 chapitres",
      "40 messages types à copier-coller",
      "Plan de statuts sur 2 semaines",
      "Méthode de relance en 3 étapes",
      "Astuces pour éviter le blocage de votre compte",
    ],
    faq: [
      [
        "WhatsApp Business est-il gratuit ?",
        "Oui, l'application WhatsApp Business est gratuite sur Android et iPhone.",
      ],
      [
        "Puis-je garder mon numéro actuel ?",
        "Oui, le guide explique comment passer votre numéro sur WhatsApp Business sans perdre vos discussions.",
      ],
    ],
    salesCount: 389,
    publishedOn: "2026-03-02",
    files: [
      {
        title: "Vendre sur WhatsApp Business (guide PDF)",
        chapters: [
          "Configurer WhatsApp Business",
          "Le catalogue produits",
          "Des statuts qui vendent",
          "Automatiser ses réponses",
          "Fidéliser ses clients",
        ],
      },
    ],
  },
  {
    slug: "business-du-mobile-money",
    title: "Business du mobile money : ouvrir et rentabiliser son point",
    category: "formations",
    kind: "file",
    price: 5000,
    tags: ["mobile money", "orange money", "mtn momo", "business", "commerce"],
    summary:
      "Tout savoir pour ouvrir un point de transfert Orange Money, MTN MoMo, Wave ou Moov Money : démarches, fonds de départ, commissions et sécurité.",
    description: [
      [
        "p",
        "Le mobile money est partout, et les points de transfert bien placés gagnent chaque jour des commissions. Ce guide vous explique **combien il faut investir, combien on gagne vraiment** et comment éviter les arnaques.",
      ],
      [
        "p",
        "Il couvre les démarches auprès des opérateurs au Cameroun, en Côte d'Ivoire, au Sénégal et au Burkina Faso.",
      ],
    ],
    features: [
      "Guide PDF en 6 chapitres",
      "Démarches d'ouverture opérateur par opérateur",
      "Calcul du fonds de roulement nécessaire",
      "Tableau de suivi quotidien des commissions",
      "Règles de sécurité contre la fraude et les faux billets",
    ],
    faq: [
      [
        "Combien faut-il pour démarrer ?",
        "Le guide détaille trois budgets types, à partir d'environ 300 000 F CFA de fonds de roulement.",
      ],
      [
        "Peut-on tenir plusieurs opérateurs à la fois ?",
        "Oui, c'est même conseillé ; le guide explique comment répartir son fonds de roulement.",
      ],
    ],
    salesCount: 164,
    publishedOn: "2026-06-18",
    files: [
      {
        title: "Business du mobile money (guide PDF)",
        chapters: [
          "Comprendre le métier d'agent",
          "Les démarches d'ouverture",
          "Le fonds de roulement",
          "Les commissions",
          "Sécurité et fraude",
        ],
      },
    ],
  },
  {
    slug: "maitriser-canva-visuels-pro",
    title: "Maîtriser Canva : des visuels pro pour vos réseaux",
    category: "formations",
    kind: "file",
    price: 3500,
    tags: ["canva", "design", "visuels", "réseaux sociaux", "affiches"],
    summary:
      "Créez vous-même des affiches, flyers et publications qui donnent envie, sur téléphone ou ordinateur, sans être graphiste.",
    description: [
      [
        "p",
        "Un beau visuel attire l'œil et rassure le client. Avec Canva, **vous pouvez créer en 10 minutes ce qui coûtait une journée de graphiste**.",
      ],
      ["h3", "Vous créerez"],
      [
        "ul",
        [
          "Des publications Facebook et Instagram",
          "Des statuts WhatsApp animés",
          "Des flyers et affiches pour vos événements",
          "Un logo simple et une charte de couleurs",
        ],
      ],
    ],
    features: [
      "Guide PDF illustré en 6 chapitres",
      "Règles de base du design expliquées simplement",
      "20 idées de visuels pour commerçants",
      "Astuces pour la version gratuite et pour Canva Pro",
    ],
    faq: [
      [
        "Faut-il Canva Pro ?",
        "Non, la version gratuite suffit pour suivre la formation ; les fonctions Pro sont signalées à part.",
      ],
    ],
    salesCount: 176,
    publishedOn: "2026-07-07",
    files: [
      {
        title: "Maîtriser Canva (guide PDF)",
        chapters: [
          "Découvrir Canva",
          "Les règles du bon design",
          "Créer pour les réseaux sociaux",
          "Flyers et affiches",
          "Sa propre identité visuelle",
        ],
      },
    ],
  },
];
