import type { ProductSeed } from "../catalog-types";
import { PROMO_LONG } from "../dates";

export const ebooksEtGuides: ProductSeed[] = [
  {
    slug: "pack-50-modeles-de-cv",
    title: "Pack 50 modèles de CV",
    category: "e-books-et-guides",
    kind: "file",
    price: 2000,
    featured: true,
    tags: ["cv", "emploi", "modèles", "candidature", "word"],
    summary:
      "50 modèles de CV modernes et sobres, pour tous les profils : premier emploi, stage, cadre, technicien, reconversion. Avec les conseils pour bien les remplir.",
    description: [
      [
        "p",
        "Un recruteur passe en moyenne moins d'une minute sur un CV. **Faites la différence avec une présentation claire et professionnelle.**",
      ],
      ["h3", "Dans le pack"],
      [
        "ul",
        [
          "50 modèles classés par profil",
          "Un guide pour rédiger chaque rubrique",
          "Les erreurs qui font rejeter un CV",
          "Exemples complets pour s'inspirer",
        ],
      ],
    ],
    features: [
      "50 modèles de CV classés par profil",
      "Guide de rédaction rubrique par rubrique",
      "15 exemples complets commentés",
      "Conseils pour les candidatures en ligne",
      "Catalogue PDF à imprimer ou à partager",
    ],
    faq: [
      [
        "Les modèles sont-ils modifiables ?",
        "Le catalogue PDF montre chaque modèle ; il se reproduit facilement dans Word, Google Docs ou Canva grâce aux repères donnés.",
      ],
      [
        "Conviennent-ils à une candidature à l'étranger ?",
        "Oui, un chapitre explique les adaptations pour le Canada, la France et les organisations internationales.",
      ],
    ],
    salesCount: 702,
    publishedOn: "2026-01-12",
    files: [
      {
        title: "Pack 50 modèles de CV (catalogue PDF)",
        chapters: [
          "Premier emploi et stage",
          "Techniciens et artisans",
          "Cadres et managers",
          "Reconversion",
          "Candidatures à l'international",
        ],
      },
      {
        title: "Guide : bien rédiger son CV",
        chapters: ["L'accroche", "Les expériences", "Les compétences", "Les erreurs à éviter"],
      },
    ],
  },
  {
    slug: "30-modeles-de-lettres-de-motivation",
    title: "30 modèles de lettres de motivation",
    category: "e-books-et-guides",
    kind: "file",
    price: 500,
    tags: ["lettre de motivation", "emploi", "stage", "modèles"],
    summary:
      "30 lettres de motivation prêtes à adapter : emploi, stage, concours, bourse, candidature spontanée. Le petit prix qui peut changer une candidature.",
    description: [
      [
        "p",
        "La page blanche devant une lettre de motivation, c'est fini. **Choisissez le modèle qui correspond à votre situation** et adaptez-le en quelques minutes.",
      ],
      [
        "p",
        "Chaque lettre est accompagnée d'une explication de sa structure, pour que vous puissiez écrire les suivantes seul.",
      ],
    ],
    features: [
      "30 lettres de motivation complètes",
      "Emploi, stage, concours, bourse, spontanée",
      "Structure de chaque lettre expliquée",
      "Formules de politesse adaptées",
    ],
    faq: [
      [
        "Puis-je copier une lettre telle quelle ?",
        "Mieux vaut l'adapter : chaque modèle indique les passages à personnaliser pour convaincre.",
      ],
    ],
    salesCount: 655,
    publishedOn: "2026-01-28",
    files: [
      {
        title: "30 modèles de lettres de motivation (PDF)",
        chapters: [
          "Structure d'une bonne lettre",
          "Lettres pour un emploi",
          "Lettres pour un stage",
          "Concours et bourses",
          "Candidatures spontanées",
        ],
      },
    ],
  },
  {
    slug: "100-idees-de-business-rentables-en-afrique",
    title: "100 idées de business rentables en Afrique",
    category: "e-books-et-guides",
    kind: "file",
    price: 3000,
    featured: true,
    tags: ["business", "idées", "entrepreneuriat", "afrique", "investissement"],
    summary:
      "100 idées d'activités qui marchent en Afrique francophone, du petit budget à l'investissement sérieux, avec pour chacune le capital de départ et les pièges à éviter.",
    description: [
      [
        "p",
        "Vous voulez vous lancer mais ne savez pas dans quoi ? Ce guide présente **100 idées concrètes, classées par budget de départ**, de 25 000 F CFA à plus de 2 millions.",
      ],
      ["h3", "Pour chaque idée"],
      [
        "ul",
        [
          "Le capital de départ estimé",
          "Le matériel et les démarches nécessaires",
          "Le revenu que l'on peut espérer",
          "Les erreurs fréquentes des débutants",
        ],
      ],
    ],
    features: [
      "100 fiches d'idées de business",
      "Classement par budget de départ",
      "Estimation du capital et des revenus",
      "Idées en ville et en zone rurale",
      "Méthode pour tester une idée avant d'investir",
    ],
    faq: [
      [
        "Les chiffres sont-ils valables dans tous les pays ?",
        "Ce sont des ordres de grandeur pour l'Afrique centrale et de l'Ouest ; le guide explique comment les vérifier localement.",
      ],
    ],
    salesCount: 548,
    publishedOn: "2026-02-18",
    files: [
      {
        title: "100 idées de business rentables en Afrique (PDF)",
        chapters: [
          "Moins de 100 000 F CFA",
          "De 100 000 à 500 000 F CFA",
          "De 500 000 à 2 millions",
          "Plus de 2 millions",
          "Tester son idée",
        ],
      },
    ],
  },
  {
    slug: "devenir-freelance-depuis-l-afrique-francophone",
    title: "Devenir freelance depuis l'Afrique francophone",
    category: "e-books-et-guides",
    kind: "file",
    price: 4000,
    tags: ["freelance", "télétravail", "fiverr", "upwork", "revenus"],
    summary:
      "Trouvez vos premiers clients à l'international sur Fiverr, Upwork et Malt, et recevez vos paiements en Afrique. Le guide pratique du freelance francophone.",
    description: [
      [
        "p",
        "Rédacteurs, graphistes, développeurs, assistants virtuels : **vos compétences valent de l'or pour des clients en Europe et au Canada**. Ce guide vous montre comment les atteindre.",
      ],
      [
        "p",
        "Il couvre la création d'un profil qui inspire confiance, la fixation de vos tarifs et, surtout, les solutions pour recevoir vos paiements depuis l'Afrique.",
      ],
    ],
    features: [
      "Guide PDF en 7 chapitres",
      "Comparatif des plateformes de freelance",
      "Modèles de profil et de propositions",
      "Solutions de paiement qui fonctionnent en Afrique",
      "Grille de tarifs par métier",
    ],
    faq: [
      [
        "Quelles compétences faut-il ?",
        "Le guide liste 25 métiers accessibles, dont plusieurs s'apprennent en quelques semaines.",
      ],
      [
        "Comment recevoir l'argent ?",
        "Le guide compare les solutions disponibles selon votre pays et explique comment retirer vers le mobile money.",
      ],
    ],
    salesCount: 190,
    publishedOn: "2026-04-08",
    files: [
      {
        title: "Devenir freelance depuis l'Afrique (guide PDF)",
        chapters: [
          "Choisir son métier",
          "Les plateformes",
          "Le profil qui inspire confiance",
          "Fixer ses tarifs",
          "Recevoir ses paiements",
        ],
      },
    ],
  },
  {
    slug: "reussir-son-entretien-d-embauche",
    title: "Réussir son entretien d'embauche",
    category: "e-books-et-guides",
    kind: "file",
    price: 1500,
    tags: ["entretien", "emploi", "recrutement", "carrière"],
    summary:
      "Les 40 questions les plus posées en entretien, avec des exemples de bonnes réponses, et la méthode pour arriver confiant le jour J.",
    description: [
      [
        "p",
        "Un entretien se prépare. Avec ce guide, **vous saurez quoi répondre à « Parlez-moi de vous » ou « Quels sont vos défauts ? »** sans réciter par cœur.",
      ],
      ["p", "Vous trouverez aussi des conseils pour les entretiens en visioconférence et pour négocier votre salaire."],
    ],
    features: [
      "40 questions fréquentes et exemples de réponses",
      "Méthode de préparation en 5 jours",
      "Conseils pour les entretiens en visio",
      "Négocier son salaire sans peur",
    ],
    faq: [
      [
        "Le guide convient-il pour un premier emploi ?",
        "Oui, un chapitre est dédié aux jeunes diplômés sans expérience.",
      ],
    ],
    salesCount: 301,
    publishedOn: "2026-03-09",
    files: [
      {
        title: "Réussir son entretien d'embauche (guide PDF)",
        chapters: [
          "Se préparer",
          "Les 40 questions",
          "Le langage non verbal",
          "Les entretiens en visio",
          "Négocier son salaire",
        ],
      },
    ],
  },
  {
    slug: "gerer-son-budget-et-epargner-avec-le-mobile-money",
    title: "Gérer son budget et épargner avec le mobile money",
    category: "e-books-et-guides",
    kind: "file",
    price: 2500,
    tags: ["budget", "épargne", "finances personnelles", "mobile money", "tontine"],
    summary:
      "Reprenez le contrôle de votre argent : budget simple, épargne automatique sur mobile money, tontines et premiers investissements.",
    description: [
      [
        "p",
        "Le salaire arrive et repart en quelques jours ? Ce guide vous donne **une méthode simple pour tenir un budget et mettre de côté chaque mois**, même avec un petit revenu.",
      ],
      ["h3", "Vous apprendrez"],
      [
        "ul",
        [
          "La règle des trois enveloppes adaptée au mobile money",
          "Utiliser les comptes d'épargne des opérateurs",
          "Organiser une tontine sans conflits",
        ],
      ],
    ],
    features: [
      "Guide PDF en 6 chapitres",
      "Tableau de budget mensuel à remplir",
      "Plan d'épargne sur 12 mois",
      "Conseils pour éviter les arnaques au mobile money",
    ],
    faq: [["Faut-il un compte en banque ?", "Non, toute la méthode fonctionne avec un compte mobile money."]],
    salesCount: 214,
    publishedOn: "2026-05-27",
    files: [
      {
        title: "Gérer son budget avec le mobile money (guide PDF)",
        chapters: [
          "Faire le point",
          "Construire son budget",
          "Épargner automatiquement",
          "Tontines et épargne collective",
          "Se protéger des arnaques",
        ],
      },
      {
        title: "Tableau de budget mensuel",
        chapters: ["Revenus", "Dépenses fixes", "Dépenses variables", "Épargne"],
      },
    ],
  },
  {
    slug: "importer-depuis-la-chine",
    title: "Importer depuis la Chine : Alibaba, 1688 et transitaires",
    category: "e-books-et-guides",
    kind: "file",
    price: 6000,
    promoPrice: 4900,
    promoEndsAt: PROMO_LONG,
    tags: ["import", "chine", "alibaba", "commerce", "transitaire"],
    summary:
      "Achetez directement aux usines chinoises et faites livrer au Cameroun, en Côte d'Ivoire ou au Sénégal : fournisseurs fiables, paiement, transport et dédouanement.",
    description: [
      [
        "p",
        "Acheter en Chine permet de **multiplier ses marges**, à condition d'éviter les fournisseurs fantômes et les mauvaises surprises à la douane.",
      ],
      [
        "p",
        "Ce guide détaille chaque étape, de la recherche du fournisseur sur Alibaba ou 1688 jusqu'au retrait de la marchandise au port ou à l'aéroport.",
      ],
    ],
    features: [
      "Guide PDF en 8 chapitres",
      "Méthode pour vérifier un fournisseur",
      "Comparatif transport aérien et maritime",
      "Liste de vérifications avant paiement",
      "Modèle de message de négociation en anglais",
    ],
    faq: [
      [
        "Quel budget minimum pour une première commande ?",
        "Le guide montre comment démarrer avec environ 200 000 F CFA grâce au groupage.",
      ],
      ["Faut-il parler chinois ?", "Non : l'anglais de base suffit, et le guide fournit des modèles de messages."],
    ],
    salesCount: 176,
    publishedOn: "2026-07-14",
    files: [
      {
        title: "Importer depuis la Chine (guide PDF)",
        chapters: [
          "Choisir ses produits",
          "Trouver un fournisseur fiable",
          "Négocier et payer",
          "Le transport",
          "Le dédouanement",
          "Revendre avec profit",
        ],
      },
    ],
  },
  {
    slug: "parler-anglais-en-60-jours",
    title: "Parler anglais en 60 jours",
    category: "e-books-et-guides",
    kind: "file",
    price: 3500,
    tags: ["anglais", "langues", "apprentissage", "emploi"],
    summary:
      "Un programme de 60 jours, 20 minutes par jour, pour oser parler anglais au travail, en voyage et avec vos clients.",
    description: [
      [
        "p",
        "L'anglais ouvre des portes : clients du Nigeria et du Ghana, emplois internationaux, freelance. **Ce programme vous fait parler dès la première semaine.**",
      ],
      ["p", "Chaque jour : une leçon courte, des phrases utiles et un petit exercice de prononciation."],
    ],
    features: [
      "Programme PDF de 60 leçons courtes",
      "1 000 phrases utiles au quotidien et au travail",
      "Exercices de prononciation",
      "Spécial anglais des affaires",
    ],
    faq: [["Je pars de zéro, est-ce possible ?", "Oui, les deux premières semaines reprennent les bases pas à pas."]],
    salesCount: 133,
    publishedOn: "2026-08-19",
    files: [
      {
        title: "Parler anglais en 60 jours (programme PDF)",
        chapters: [
          "Semaines 1 et 2 : les bases",
          "Semaines 3 et 4 : la vie quotidienne",
          "Semaines 5 et 6 : le travail",
          "Semaines 7 et 8 : les affaires",
        ],
      },
    ],
  },
  {
    slug: "pack-25-modeles-excel-de-gestion",
    title: "Pack 25 modèles Excel de gestion",
    category: "e-books-et-guides",
    kind: "file",
    price: 3000,
    tags: ["excel", "gestion", "stock", "factures", "modèles"],
    summary:
      "Gérez votre commerce sans logiciel coûteux : stock, caisse, factures, salaires et tableau de bord, avec 25 modèles Excel expliqués pas à pas.",
    description: [
      [
        "p",
        "Combien avez-vous vendu ce mois-ci ? Quel produit rapporte le plus ? **Avec ces modèles, vous avez la réponse en un coup d'œil.**",
      ],
      ["h3", "Quelques modèles du pack"],
      [
        "ul",
        [
          "Gestion de stock avec alerte de rupture",
          "Journal de caisse quotidien",
          "Factures et devis en F CFA",
          "Tableau de bord des ventes",
        ],
      ],
    ],
    features: [
      "25 modèles de gestion décrits pas à pas",
      "Formules expliquées pour les adapter",
      "Montants en F CFA",
      "Compatible Excel et Google Sheets",
    ],
    faq: [
      [
        "Faut-il bien connaître Excel ?",
        "Non : chaque modèle est décrit étape par étape. Pour aller plus loin, voyez notre formation Excel.",
      ],
    ],
    salesCount: 119,
    publishedOn: "2026-10-28",
    files: [
      {
        title: "Pack 25 modèles Excel de gestion (guide PDF)",
        chapters: ["Stock", "Caisse et trésorerie", "Factures et devis", "Salaires", "Tableau de bord"],
      },
    ],
  },
];
