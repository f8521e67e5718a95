import type { ProductSeed } from "../catalog-types";
import { PROMO_LONG } from "../dates";

export const abonnementsPremium: ProductSeed[] = [
  {
    slug: "canva-pro-1-an",
    title: "Canva Pro 1 an",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "manual",
    price: 8500,
    featured: true,
    tags: ["canva", "design", "abonnement", "visuels"],
    summary:
      "Débloquez tout Canva pendant 12 mois : millions d'images et d'éléments premium, suppression d'arrière-plan, kit de marque et redimensionnement magique.",
    description: [
      [
        "p",
        "Canva Pro, c'est **l'outil préféré des commerçants et des community managers** pour créer des visuels pro en quelques minutes. Payez en mobile money, nous activons l'abonnement sur votre propre compte Canva.",
      ],
      ["h3", "Inclus dans Canva Pro"],
      [
        "ul",
        [
          "Plus de 100 millions de photos, vidéos et éléments premium",
          "Suppression d'arrière-plan en un clic",
          "Kit de marque : vos logos, couleurs et polices",
          "Redimensionnement magique pour tous les réseaux",
        ],
      ],
    ],
    features: [
      "12 mois de Canva Pro sur votre propre compte",
      "Activation par notre équipe, suivi sur WhatsApp",
      "Tous les modèles et éléments premium",
      "Utilisable sur téléphone, tablette et ordinateur",
      "Assistance en cas de souci pendant toute la durée",
    ],
    faq: [
      [
        "Dois-je donner mon mot de passe ?",
        "Non : il suffit de nous indiquer l'e-mail de votre compte Canva, nous vous envoyons une invitation à accepter.",
      ],
      [
        "Je garde mes créations à la fin de l'année ?",
        "Oui, vos designs restent sur votre compte ; seuls les éléments premium deviennent filigranés si vous ne renouvelez pas.",
      ],
    ],
    salesCount: 612,
    publishedOn: "2026-01-08",
  },
  {
    slug: "capcut-pro-1-an",
    title: "CapCut Pro 1 an",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "manual",
    price: 12000,
    featured: true,
    tags: ["capcut", "montage vidéo", "abonnement", "tiktok"],
    summary:
      "Montez des vidéos dignes des pros pendant 12 mois : effets et transitions premium, sous-titres automatiques, suppression du filigrane et export en haute qualité.",
    description: [
      [
        "p",
        "CapCut Pro est l'application de montage des créateurs TikTok, Reels et YouTube. **Nous activons l'abonnement annuel sur votre compte** dès la confirmation de votre paiement.",
      ],
      [
        "p",
        "Vous profitez de tous les effets, filtres, polices et outils d'IA premium, sur téléphone comme sur ordinateur.",
      ],
    ],
    features: [
      "12 mois de CapCut Pro",
      "Effets, transitions et filtres premium",
      "Sous-titres automatiques et suppression d'arrière-plan",
      "Export sans filigrane jusqu'en 4K",
      "Activation sur votre compte, suivi sur WhatsApp",
    ],
    faq: [
      [
        "Fonctionne-t-il sur téléphone et ordinateur ?",
        "Oui, l'abonnement est lié à votre compte CapCut et fonctionne sur toutes vos applications.",
      ],
    ],
    salesCount: 344,
    publishedOn: "2026-02-14",
  },
  {
    slug: "capcut-pro-1-mois",
    title: "CapCut Pro 1 mois",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "manual",
    price: 2500,
    tags: ["capcut", "montage vidéo", "abonnement", "essai"],
    summary:
      "Un mois de CapCut Pro pour un projet ponctuel ou pour tester toutes les fonctions premium avant de vous engager sur l'année.",
    description: [
      [
        "p",
        "Besoin de CapCut Pro juste pour un mariage, un lancement de produit ou une campagne ? **Cette formule d'un mois est faite pour vous.**",
      ],
      ["p", "Toutes les fonctions de la formule annuelle, activées sur votre compte par notre équipe."],
    ],
    features: [
      "30 jours de CapCut Pro",
      "Tous les effets et outils premium",
      "Export sans filigrane",
      "Activation sur votre compte, suivi sur WhatsApp",
    ],
    faq: [
      [
        "Puis-je passer ensuite à l'année ?",
        "Oui : écrivez-nous sur WhatsApp avant la fin du mois, nous déduisons une partie de votre achat.",
      ],
    ],
    salesCount: 498,
    publishedOn: "2026-04-03",
  },
  {
    slug: "chatgpt-plus-1-mois",
    title: "ChatGPT Plus 1 mois",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "manual",
    price: 13500,
    featured: true,
    tags: ["chatgpt", "ia", "abonnement", "openai"],
    summary:
      "Profitez de ChatGPT Plus sur votre compte pendant un mois : modèles les plus avancés, génération d'images, analyse de fichiers et limites bien plus élevées.",
    description: [
      [
        "p",
        "Payer ChatGPT Plus sans carte bancaire internationale est un casse-tête. **Payez en mobile money, nous activons l'abonnement sur votre compte.**",
      ],
      ["h3", "Avec ChatGPT Plus"],
      [
        "ul",
        [
          "Accès aux modèles les plus performants d'OpenAI",
          "Création d'images et analyse de documents",
          "Des limites d'utilisation bien plus élevées",
        ],
      ],
    ],
    features: [
      "1 mois de ChatGPT Plus sur votre propre compte",
      "Paiement en mobile money, sans carte bancaire",
      "Activation par notre équipe, en général sous 2 heures",
      "Rappel sur WhatsApp avant l'échéance",
    ],
    faq: [
      [
        "Est-ce mon propre compte ?",
        "Oui, l'abonnement est activé sur votre compte : vos conversations restent privées.",
      ],
      [
        "Le renouvellement est-il automatique ?",
        "Non, rien n'est prélevé : nous vous rappelons avant la fin du mois et vous choisissez de renouveler ou non.",
      ],
    ],
    salesCount: 287,
    publishedOn: "2026-05-20",
  },
  {
    slug: "carte-spotify-premium-3-mois",
    title: "Carte Spotify Premium 3 mois",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Ouvrez [spotify.com/redeem](https://www.spotify.com/redeem) dans votre navigateur (le code ne se saisit pas dans l'application).",
          "Connectez-vous à votre compte Spotify, ou créez-en un.",
          "Collez le code ci-dessus, puis cliquez sur **Utiliser le code**.",
          "Premium est actif tout de suite, sur tous vos appareils, pour 3 mois.",
        ],
      ],
      [
        "p",
        "Vous l'offrez ? Transmettez le code avec ces étapes : il n'est lié à aucun compte tant qu'il n'est pas utilisé.",
      ],
    ],
    price: 6500,
    maxQuantity: 3,
    tags: ["spotify", "musique", "carte cadeau", "abonnement"],
    summary:
      "Un code Spotify Premium de 3 mois à activer vous-même : musique sans publicité, écoute hors connexion et qualité supérieure. Parfait aussi en cadeau.",
    description: [
      [
        "p",
        "Écoutez vos artistes préférés sans publicité et **téléchargez vos playlists pour les écouter sans consommer vos données**.",
      ],
      [
        "p",
        "Vous recevez un code à saisir sur la page d'activation de Spotify. Vous pouvez aussi l'offrir : il suffit de transmettre le code.",
      ],
    ],
    features: [
      "Code d'activation Spotify Premium valable 3 mois",
      "Livré immédiatement après le paiement",
      "Musique sans publicité, écoute hors connexion",
      "Idéal à offrir",
    ],
    faq: [
      [
        "Le code fonctionne-t-il dans mon pays ?",
        "Le code fonctionne dans tous les pays où Spotify est disponible, dont le Cameroun, la Côte d'Ivoire et le Sénégal.",
      ],
      [
        "Puis-je en acheter plusieurs ?",
        "Oui, jusqu'à 3 codes par commande, par exemple pour prolonger jusqu'à 9 mois.",
      ],
    ],
    salesCount: 158,
    publishedOn: "2026-07-22",
  },
  {
    slug: "microsoft-365-personnel-1-an",
    title: "Microsoft 365 Personnel 1 an",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Ouvrez [microsoft365.com/setup](https://www.microsoft365.com/setup) et connectez-vous avec votre compte Microsoft.",
          "Collez la clé ci-dessus, puis cliquez sur **Suivant** pour ajouter l'abonnement à votre compte.",
          "Sur [microsoft365.com](https://www.microsoft365.com), cliquez sur **Installer les applications**.",
          "Sur votre téléphone, installez Word, Excel et PowerPoint et connectez-vous avec le même compte.",
        ],
      ],
    ],
    price: 18000,
    promoPrice: 15500,
    promoEndsAt: PROMO_LONG,
    tags: ["microsoft 365", "office", "word", "excel", "abonnement"],
    summary:
      "Word, Excel, PowerPoint et Outlook toujours à jour pendant 12 mois, plus 1 To de stockage OneDrive pour sauvegarder vos documents.",
    description: [
      [
        "p",
        "Microsoft 365 Personnel vous donne **les dernières versions de Word, Excel et PowerPoint** sur ordinateur, tablette et téléphone, avec 1 To d'espace en ligne.",
      ],
      ["p", "Vous recevez une clé à activer sur votre compte Microsoft, avec le guide d'installation pas à pas."],
    ],
    features: [
      "Clé d'activation Microsoft 365 Personnel 12 mois",
      "Word, Excel, PowerPoint, Outlook et OneNote",
      "1 To de stockage OneDrive",
      "Installation sur 5 appareils pour une personne",
      "Guide d'installation en français",
    ],
    faq: [
      [
        "Sur combien d'appareils puis-je l'installer ?",
        "Sur tous vos appareils, avec 5 connexions simultanées pour une personne.",
      ],
      [
        "La clé est-elle livrée tout de suite ?",
        "Oui, la clé s'affiche sur la page de votre commande dès la confirmation du paiement.",
      ],
    ],
    salesCount: 102,
    publishedOn: "2026-08-12",
  },
  {
    slug: "envato-elements-1-mois",
    title: "Envato Elements 1 mois",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "manual",
    price: 4500,
    tags: ["envato", "graphisme", "modèles", "vidéo", "abonnement"],
    summary:
      "Un mois de téléchargements illimités sur Envato Elements : modèles de sites, flyers, vidéos, musiques libres de droits et polices.",
    description: [
      [
        "p",
        "Graphistes, vidéastes et développeurs web : **téléchargez sans limite** des millions de ressources professionnelles pendant 30 jours.",
      ],
      ["p", "Nous vous remettons l'accès sur WhatsApp avec les règles d'utilisation des licences."],
    ],
    features: [
      "30 jours d'accès à Envato Elements",
      "Téléchargements illimités",
      "Licence commerciale pour vos projets clients",
      "Accès remis par notre équipe sur WhatsApp",
    ],
    faq: [
      [
        "Puis-je utiliser les ressources pour mes clients ?",
        "Oui, chaque ressource téléchargée pendant l'abonnement est couverte par une licence commerciale pour un projet.",
      ],
    ],
    salesCount: 45,
    publishedOn: "2026-09-08",
  },
  {
    slug: "linkedin-premium-carriere-1-mois",
    title: "LinkedIn Premium Carrière 1 mois",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "manual",
    price: 9500,
    tags: ["linkedin", "emploi", "carrière", "abonnement"],
    summary:
      "Boostez votre recherche d'emploi : voyez qui a consulté votre profil, écrivez aux recruteurs avec InMail et accédez aux formations LinkedIn Learning.",
    description: [
      [
        "p",
        "Pour décrocher un poste à l'international ou dans une grande entreprise, LinkedIn est incontournable. **Premium Carrière vous met en avant auprès des recruteurs.**",
      ],
      ["p", "Nous activons le mois Premium sur votre propre compte LinkedIn."],
    ],
    features: [
      "1 mois de LinkedIn Premium Carrière",
      "Messages InMail aux recruteurs",
      "Liste des personnes qui ont vu votre profil",
      "Accès à LinkedIn Learning",
      "Activation sur votre compte, suivi sur WhatsApp",
    ],
    faq: [
      [
        "Mon profil doit-il être complet ?",
        "C'est conseillé : nous vous envoyons une checklist pour optimiser votre profil avant l'activation.",
      ],
    ],
    salesCount: 38,
    publishedOn: "2026-10-14",
  },
  {
    slug: "duolingo-super-1-an",
    title: "Duolingo Super 1 an",
    category: "abonnements-premium",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Ouvrez [duolingo.com/redeem](https://www.duolingo.com/redeem) dans votre navigateur.",
          "Connectez-vous au compte Duolingo sur lequel vous apprenez.",
          "Collez le code ci-dessus, puis validez.",
          "Rouvrez l'application Duolingo : Super est actif pour un an, sans publicité.",
        ],
      ],
    ],
    price: 11000,
    tags: ["duolingo", "anglais", "langues", "abonnement"],
    summary:
      "Apprenez l'anglais ou une autre langue sans publicité ni limite de vies pendant 12 mois, avec des leçons de révision personnalisées.",
    description: [
      [
        "p",
        "Quelques minutes par jour suffisent pour progresser. **Duolingo Super supprime les publicités et les limites** pour apprendre à votre rythme.",
      ],
      ["p", "Vous recevez un code à activer dans l'application Duolingo."],
    ],
    features: [
      "Code Duolingo Super valable 12 mois",
      "Sans publicité et vies illimitées",
      "Révisions personnalisées de vos erreurs",
      "Livré immédiatement après le paiement",
    ],
    faq: [
      [
        "Quelles langues puis-je apprendre ?",
        "Toutes celles proposées par Duolingo : anglais, espagnol, allemand, portugais, chinois et bien d'autres.",
      ],
    ],
    salesCount: 57,
    publishedOn: "2026-11-02",
  },
];
