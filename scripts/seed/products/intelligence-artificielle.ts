import type { ProductSeed } from "../catalog-types";
import { PROMO_LONG } from "../dates";

export const intelligenceArtificielle: ProductSeed[] = [
  {
    slug: "guide-chatgpt-pour-entrepreneurs-africains",
    title: "Guide ChatGPT pour entrepreneurs africains",
    category: "intelligence-artificielle",
    kind: "file",
    price: 5000,
    featured: true,
    tags: ["chatgpt", "ia", "entrepreneuriat", "productivité", "prompts"],
    summary:
      "Utilisez ChatGPT pour écrire vos publicités, répondre à vos clients, préparer vos devis et trouver des idées, avec des exemples tirés du quotidien des entrepreneurs africains.",
    description: [
      [
        "p",
        "ChatGPT peut devenir **votre assistant disponible 24 h sur 24**, pour une fraction du prix d'un employé. Encore faut-il savoir lui parler.",
      ],
      [
        "p",
        "Ce guide vous montre, exemple après exemple, comment l'utiliser pour votre commerce : fiches produits, messages WhatsApp, plans d'affaires, réponses aux réclamations, traductions en anglais pour vos clients du Nigeria ou du Ghana.",
      ],
      ["h3", "Dans ce guide"],
      [
        "ul",
        [
          "Créer son compte et bien régler ChatGPT",
          "La méthode en 4 étapes pour écrire un bon prompt",
          "100 prompts classés par métier",
          "Les limites et les erreurs à éviter",
        ],
      ],
    ],
    features: [
      "Guide PDF de 80 pages en français simple",
      "100 prompts testés, classés par métier",
      "Exemples pour commerçants, restaurateurs, coiffeurs, formateurs",
      "Méthode pour vérifier les réponses de l'IA",
      "Fonctionne avec la version gratuite de ChatGPT",
    ],
    faq: [
      [
        "Faut-il payer ChatGPT Plus ?",
        "Non : tous les exemples fonctionnent avec la version gratuite. Le guide indique quand la version Plus apporte un vrai gain.",
      ],
      [
        "ChatGPT comprend-il le contexte africain ?",
        "Oui, si vous lui donnez le bon contexte : le guide vous apprend à préciser votre pays, votre devise et vos clients.",
      ],
    ],
    salesCount: 521,
    publishedOn: "2026-02-10",
    files: [
      {
        title: "Guide ChatGPT pour entrepreneurs africains (PDF)",
        chapters: [
          "Premiers pas avec ChatGPT",
          "L'art du prompt en 4 étapes",
          "Vendre et communiquer",
          "Gérer et organiser son activité",
          "Limites, erreurs et bonnes pratiques",
        ],
      },
    ],
  },
  {
    slug: "500-prompts-chatgpt-prets-a-l-emploi",
    title: "500 prompts ChatGPT prêts à l'emploi",
    category: "intelligence-artificielle",
    kind: "file",
    price: 2500,
    promoPrice: 2000,
    promoEndsAt: PROMO_LONG,
    tags: ["chatgpt", "prompts", "ia", "marketing", "rédaction"],
    summary:
      "Copiez, collez, obtenez un résultat : 500 prompts rangés par thème pour le marketing, la vente, les études, l'emploi et la vie de tous les jours.",
    description: [
      [
        "p",
        "Plus besoin de chercher la bonne formulation : **chaque prompt est prêt à copier**, avec les passages à remplacer clairement indiqués entre crochets.",
      ],
      ["h3", "Les thèmes"],
      [
        "ul",
        [
          "Marketing et réseaux sociaux (120 prompts)",
          "Vente et service client (90 prompts)",
          "Études et examens (80 prompts)",
          "Emploi : CV, lettres, entretiens (70 prompts)",
          "Organisation et vie quotidienne (140 prompts)",
        ],
      ],
    ],
    features: [
      "500 prompts en français, classés en 5 thèmes",
      "Variables à remplacer clairement signalées",
      "Exemple de réponse pour les prompts clés",
      "Compatible ChatGPT, Gemini, Claude et Copilot",
    ],
    faq: [
      [
        "Les prompts marchent-ils avec d'autres IA ?",
        "Oui, ils sont rédigés pour fonctionner avec ChatGPT, Gemini, Claude ou Copilot.",
      ],
      [
        "Sous quel format est le recueil ?",
        "Un PDF avec une table des matières cliquable ; vous pouvez copier chaque prompt directement.",
      ],
    ],
    salesCount: 467,
    publishedOn: "2026-03-21",
    files: [
      {
        title: "500 prompts ChatGPT (recueil PDF)",
        chapters: [
          "Marketing et réseaux sociaux",
          "Vente et service client",
          "Études et examens",
          "Emploi et carrière",
          "Organisation et vie quotidienne",
        ],
      },
    ],
  },
  {
    slug: "creer-des-images-avec-l-ia",
    title: "Créer des images avec l'IA : Midjourney, Leonardo et Ideogram",
    category: "intelligence-artificielle",
    kind: "file",
    price: 4500,
    tags: ["ia", "images", "midjourney", "design", "visuels"],
    summary:
      "Générez des visuels professionnels pour vos produits et vos réseaux en décrivant simplement ce que vous voulez, avec les meilleurs outils d'IA d'image.",
    description: [
      [
        "p",
        "Photos de produits, affiches, illustrations, personnages : les outils d'IA créent aujourd'hui des images bluffantes. Ce guide vous apprend à **obtenir exactement le rendu que vous imaginez**.",
      ],
      [
        "p",
        "Il compare les outils gratuits et payants et vous donne des modèles de descriptions pour les usages les plus courants.",
      ],
    ],
    features: [
      "Guide PDF en 6 chapitres",
      "Comparatif des outils gratuits et payants",
      "60 modèles de descriptions (prompts) d'images",
      "Méthode pour des visuels cohérents avec votre marque",
      "Règles sur les droits d'utilisation des images",
    ],
    faq: [
      [
        "Puis-je vendre les images créées ?",
        "Cela dépend de l'outil et de votre abonnement ; le guide résume les conditions de chacun.",
      ],
    ],
    salesCount: 98,
    publishedOn: "2026-08-04",
    files: [
      {
        title: "Créer des images avec l'IA (guide PDF)",
        chapters: [
          "Panorama des outils",
          "Décrire une image",
          "Photos de produits",
          "Affiches et publicités",
          "Droits et bonnes pratiques",
        ],
      },
    ],
  },
  {
    slug: "l-ia-pour-les-enseignants-et-formateurs",
    title: "L'IA pour les enseignants et formateurs",
    category: "intelligence-artificielle",
    kind: "file",
    price: 4000,
    tags: ["ia", "éducation", "enseignants", "cours", "chatgpt"],
    summary:
      "Préparez vos cours, exercices et évaluations deux fois plus vite grâce à l'IA, tout en gardant la main sur la pédagogie.",
    description: [
      [
        "p",
        "Enseignants, répétiteurs, formateurs : l'IA peut vous faire gagner **plusieurs heures de préparation chaque semaine**. Ce guide vous montre comment, avec des exemples alignés sur les programmes francophones.",
      ],
      ["h3", "Exemples d'utilisation"],
      [
        "ul",
        [
          "Créer une fiche de cours à partir d'un chapitre",
          "Générer des exercices de difficulté progressive",
          "Préparer une grille de correction",
          "Adapter une explication à un élève en difficulté",
        ],
      ],
    ],
    features: [
      "Guide PDF en 5 chapitres",
      "80 prompts pour la préparation des cours",
      "Exemples du primaire au supérieur",
      "Conseils pour repérer les devoirs écrits par l'IA",
    ],
    faq: [
      [
        "Faut-il une connexion permanente ?",
        "Il faut Internet pour utiliser l'IA, mais le guide lui-même se lit hors ligne.",
      ],
      [
        "Est-ce adapté aux cours de langues ?",
        "Oui, un chapitre est consacré aux langues, dont l'anglais et le français langue seconde.",
      ],
    ],
    salesCount: 77,
    publishedOn: "2026-09-01",
    files: [
      {
        title: "L'IA pour les enseignants (guide PDF)",
        chapters: [
          "Comprendre l'IA générative",
          "Préparer ses cours",
          "Exercices et évaluations",
          "Accompagner chaque élève",
          "Éthique et triche",
        ],
      },
    ],
  },
  {
    slug: "automatiser-son-business-avec-l-ia",
    title: "Automatiser son business avec l'IA et n8n",
    category: "intelligence-artificielle",
    kind: "file",
    price: 12000,
    featured: true,
    tags: ["automatisation", "ia", "n8n", "make", "productivité"],
    summary:
      "Connectez vos outils et laissez l'IA travailler pour vous : réponses automatiques, suivi des commandes, relances et rapports, sans savoir programmer.",
    description: [
      [
        "p",
        "Vous passez vos soirées à recopier des commandes et à répondre aux mêmes questions ? Cette formation vous apprend à **construire des automatisations qui tournent toutes seules**, avec n8n et Make, reliés à ChatGPT.",
      ],
      ["h3", "Automatisations construites pas à pas"],
      [
        "ol",
        [
          "Enregistrer chaque commande WhatsApp dans un tableau",
          "Répondre automatiquement aux questions fréquentes",
          "Envoyer un rapport de ventes chaque soir",
          "Relancer les clients qui n'ont pas payé",
        ],
      ],
      ["p", "Aucune ligne de code n'est nécessaire : tout se fait en reliant des blocs."],
    ],
    features: [
      "Formation PDF en 8 modules",
      "6 automatisations complètes à reproduire",
      "Schémas de chaque scénario, étape par étape",
      "Comparatif n8n, Make et Zapier (prix et limites)",
      "Bonus : modèles de scénarios prêts à importer",
    ],
    faq: [
      [
        "Faut-il savoir programmer ?",
        "Non : tout se fait dans des interfaces visuelles. Il faut seulement être à l'aise avec un ordinateur.",
      ],
      [
        "Combien coûtent les outils ?",
        "n8n peut être utilisé gratuitement ; Make et Zapier ont des offres gratuites suffisantes pour débuter.",
      ],
    ],
    salesCount: 64,
    publishedOn: "2026-10-20",
    files: [
      {
        title: "Automatiser son business avec l'IA (formation PDF)",
        chapters: [
          "Penser en automatisations",
          "Prendre en main n8n",
          "Relier ChatGPT à ses outils",
          "Automatiser les commandes",
          "Automatiser le service client",
          "Rapports et tableaux de bord",
        ],
      },
      {
        title: "Bonus : modèles de scénarios commentés",
        chapters: ["Commandes WhatsApp", "Réponses automatiques", "Rapport du soir"],
      },
    ],
  },
  {
    slug: "ecrire-et-publier-son-livre-avec-l-ia",
    title: "Écrire et publier son livre avec l'IA",
    category: "intelligence-artificielle",
    kind: "file",
    price: 3500,
    tags: ["écriture", "livre", "ia", "publication", "amazon kdp"],
    summary:
      "Du plan au livre publié : utilisez l'IA pour structurer, écrire, relire et publier votre livre ou e-book, puis le vendre en ligne.",
    description: [
      [
        "p",
        "Vous avez une expertise ou une histoire à partager ? L'IA vous aide à **passer de l'idée au livre fini en 30 jours**, sans perdre votre voix.",
      ],
      [
        "p",
        "Le guide couvre aussi la mise en page, la couverture et la publication sur Amazon KDP et dans votre propre boutique.",
      ],
    ],
    features: [
      "Guide PDF en 6 chapitres",
      "Plan de travail sur 30 jours",
      "Prompts pour le plan, l'écriture et la relecture",
      "Tutoriel de publication sur Amazon KDP",
    ],
    faq: [
      [
        "Le livre sera-t-il vraiment le mien ?",
        "Oui : la méthode utilise l'IA comme assistant, vous restez l'auteur du fond et du style.",
      ],
    ],
    salesCount: 88,
    publishedOn: "2026-06-02",
    files: [
      {
        title: "Écrire et publier son livre avec l'IA (guide PDF)",
        chapters: [
          "Trouver son sujet",
          "Construire le plan",
          "Écrire avec l'IA",
          "Relire et corriger",
          "Publier et vendre",
        ],
      },
    ],
  },
  {
    slug: "creer-des-videos-avec-l-ia",
    title: "Créer des vidéos avec l'IA : voix off, avatars et sous-titres",
    category: "intelligence-artificielle",
    kind: "file",
    price: 5000,
    tags: ["ia", "vidéo", "voix off", "sous-titres", "capcut"],
    summary:
      "Produisez des vidéos pour vos réseaux sans caméra ni studio : scripts, voix off naturelles, avatars parlants et sous-titres automatiques.",
    description: [
      [
        "p",
        "Les vidéos vendent, mais les tourner prend du temps. Avec les bons outils d'IA, **une vidéo de présentation se fabrique en moins d'une heure**.",
      ],
      ["h3", "Ce que vous saurez faire"],
      [
        "ul",
        [
          "Écrire un script de 30 secondes qui accroche",
          "Générer une voix off naturelle en français",
          "Ajouter des sous-titres automatiques",
          "Créer un avatar qui présente vos produits",
        ],
      ],
    ],
    features: [
      "Guide PDF en 6 chapitres",
      "Sélection d'outils gratuits et payants",
      "15 modèles de scripts de vidéos",
      "Réglages d'export pour TikTok, Reels et statuts WhatsApp",
    ],
    faq: [
      [
        "Peut-on utiliser un téléphone uniquement ?",
        "Oui, la plupart des outils présentés ont une application mobile ou fonctionnent dans le navigateur du téléphone.",
      ],
      [
        "Les voix françaises sont-elles naturelles ?",
        "Les meilleurs outils proposent des voix très naturelles, y compris avec un accent d'Afrique francophone.",
      ],
    ],
    salesCount: 121,
    publishedOn: "2026-09-15",
    files: [
      {
        title: "Créer des vidéos avec l'IA (guide PDF)",
        chapters: ["Écrire le script", "La voix off", "Les avatars", "Les sous-titres", "Publier et mesurer"],
      },
    ],
  },
  {
    slug: "kit-de-demarrage-ia-gratuit",
    title: "Kit de démarrage IA (gratuit)",
    category: "intelligence-artificielle",
    kind: "file",
    price: 0,
    featured: true,
    tags: ["gratuit", "ia", "chatgpt", "débutant"],
    summary:
      "Notre cadeau pour découvrir l'intelligence artificielle : un mini-guide clair et 20 prompts utiles dès aujourd'hui. Gratuit, il suffit de laisser votre e-mail.",
    description: [
      [
        "p",
        "Vous entendez parler d'IA partout sans savoir par où commencer ? Ce kit gratuit vous explique **l'essentiel en 20 minutes de lecture**.",
      ],
      [
        "p",
        "Vous y trouverez les outils à connaître, les précautions à prendre et 20 prompts pour gagner du temps dès ce soir.",
      ],
    ],
    features: [
      "Mini-guide PDF de 12 pages",
      "Les 5 outils d'IA à connaître en 2026",
      "20 prompts utiles au quotidien",
      "Les précautions pour protéger vos données",
    ],
    faq: [
      [
        "Est-ce vraiment gratuit ?",
        "Oui, sans paiement ni engagement : nous vous demandons seulement un e-mail pour vous envoyer le lien.",
      ],
    ],
    salesCount: 1304,
    publishedOn: "2026-01-05",
    files: [
      {
        title: "Kit de démarrage IA (mini-guide PDF)",
        chapters: [
          "L'IA, c'est quoi ?",
          "Les 5 outils à connaître",
          "20 prompts pour commencer",
          "Protéger ses données",
        ],
      },
    ],
  },
];
