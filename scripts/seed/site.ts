import type { RichText } from "./portable-text";

export const SHOP = {
  name: "ASHTECH STORE",
  whatsappNumber: "237690000000",
  email: "contact@ashtech.store",
  facebook: "https://www.facebook.com/ashtechstore",
  instagram: "https://www.instagram.com/ashtechstore",
};

const WHATSAPP_URL = `https://wa.me/${SHOP.whatsappNumber}`;

export const siteSettings = {
  shopName: SHOP.name,
  tagline: "Formations, guides et abonnements premium, livrés tout de suite",
  description:
    "Formations, e-books, guides IA, abonnements et logiciels à petits prix en F CFA. Paiement mobile money, livraison immédiate par e-mail et téléchargement.",
  currency: "XAF",
  whatsappNumber: SHOP.whatsappNumber,
  timeZone: "Africa/Douala",
  email: SHOP.email,
  socials: { facebook: SHOP.facebook, instagram: SHOP.instagram },
  brandColors: { primary: "#5D5CDE", secondary: "#F3C34D" },
  heroTitle: "Bienvenue chez ASHTECH STORE",
  heroText:
    "Formations, guides IA, e-books, abonnements premium et logiciels : payez par mobile money et recevez votre produit tout de suite, où que vous soyez en Afrique francophone.",
  whyUs: [
    {
      icon: "⚡",
      title: "Livraison immédiate",
      text: "Vos fichiers et codes arrivent dès la confirmation du paiement, sur la page de commande et par e-mail.",
    },
    {
      icon: "🔒",
      title: "Paiement sécurisé",
      text: "Payez par mobile money avec l'opérateur de votre pays, sans carte bancaire : la boutique affiche ceux qu'elle accepte chez vous.",
    },
    {
      icon: "💬",
      title: "Support réactif sur WhatsApp",
      text: "Une question avant ou après l'achat ? Notre équipe vous répond 7 jours sur 7, de 8 h à 21 h.",
    },
    {
      icon: "🌍",
      title: "Pensé pour l'Afrique",
      text: "Des contenus en français, des exemples locaux et des prix en F CFA, pour le Cameroun, la Côte d'Ivoire, le Sénégal et au-delà.",
    },
  ],
  downloadLimit: 5,
  downloadValidityDays: 30,
  // Every operator the configured providers take, Lygos Pay first where both serve (decision 014).
  paymentRouting: { preferredProvider: "lygos", disabledWallets: [] as string[] },
};

export type PromotionSeed = {
  slug: string;
  title: string;
  text: string;
  linkLabel: string;
  link: string;
  startsAt: string;
  endsAt: string;
  banner?: { headline: string; subline: string; alt: string };
};

/**
 * One current, one past and one future banner, dated at midnight in Douala (the shop's time zone).
 * The current one runs long, but a promotion a marketer starts later takes over the home page while
 * it runs (the latest start wins, decision 020), so the demo never holds new promotions back.
 */
export const promotions: PromotionSeed[] = [
  {
    slug: "black-friday-ashtech",
    title: "Black Friday Ashtech : jusqu'à -25 %",
    text: "Formations, guides IA et logiciels à prix cassés : profitez-en tant que les promos sont en ligne !",
    linkLabel: "Voir les promos",
    link: "/produits?promo=1",
    startsAt: "2026-11-20T23:00:00.000Z",
    endsAt: "2027-12-31T22:59:59.000Z",
    banner: {
      headline: "Black Friday Ashtech",
      subline: "Jusqu'à -25 % sur une sélection",
      alt: "Bannière Black Friday Ashtech : jusqu'à -25 % sur une sélection de produits",
    },
  },
  {
    slug: "rentree-2025",
    title: "Spécial rentrée 2025",
    text: "CV, lettres de motivation et formation Excel : tout pour bien démarrer l'année.",
    linkLabel: "Je prépare ma rentrée",
    link: "/produits?categorie=e-books-et-guides",
    startsAt: "2025-08-25T00:00:00.000Z",
    endsAt: "2025-09-30T22:59:59.000Z",
  },
  {
    slug: "bonne-annee-2028",
    title: "Bonne année 2028 !",
    text: "Commencez l'année avec de nouvelles compétences : une sélection de formations à petit prix.",
    linkLabel: "Découvrir les formations",
    link: "/produits?categorie=formations",
    startsAt: "2028-01-02T00:00:00.000Z",
    endsAt: "2028-01-31T22:59:59.000Z",
  },
];

export type PageSeed = { slug: string; title: string; description: string; body: RichText };

export const pages: PageSeed[] = [
  {
    slug: "a-propos",
    title: "À propos",
    description:
      "ASHTECH STORE, la boutique en ligne de produits numériques pensée pour l'Afrique francophone : formations, guides IA, e-books et abonnements.",
    body: [
      [
        "p",
        "**ASHTECH STORE** est née d'une conviction simple : tout le monde, à Douala comme à Abidjan, Dakar, Kinshasa ou Ouagadougou, doit pouvoir se former et s'équiper en outils numériques **à un prix juste, payé en mobile money**.",
      ],
      ["h2", "Notre mission"],
      [
        "p",
        "Nous sélectionnons et créons des formations, des guides et des e-books écrits en français, avec des exemples tirés du quotidien des entrepreneurs, étudiants et salariés africains. Nous proposons aussi les abonnements et logiciels dont vous avez besoin, sans carte bancaire internationale.",
      ],
      ["h2", "Nos engagements"],
      [
        "ul",
        [
          "**Livraison immédiate** : vos fichiers ou votre code dès la confirmation du paiement.",
          "**Paiement sécurisé** par mobile money, via nos partenaires Lygos Pay et Lengo Pay.",
          "**Des contenus utiles**, relus et mis à jour régulièrement.",
          "**Un vrai support** humain, joignable sur WhatsApp et par e-mail.",
        ],
      ],
      ["h2", "Qui sommes-nous ?"],
      [
        "p",
        "Une petite équipe de passionnés du numérique basée au Cameroun, qui accompagne chaque jour des acheteurs dans toute l'Afrique francophone. Une question, une idée de produit ? [Écrivez-nous](/pages/contact), nous lisons tous les messages.",
      ],
    ],
  },
  {
    slug: "conditions-generales-de-vente",
    title: "Conditions générales de vente",
    description:
      "Conditions générales de vente des produits numériques d'ASHTECH STORE : commande, prix en F CFA, paiement mobile money, livraison et support.",
    body: [
      [
        "p",
        "Les présentes conditions s'appliquent à toute commande passée sur la boutique en ligne ASHTECH STORE. En validant une commande, vous les acceptez sans réserve.",
      ],
      ["h2", "1. Produits"],
      [
        "p",
        "ASHTECH STORE vend des produits numériques : fichiers à télécharger (formations, guides, e-books, modèles) et accès (abonnements, licences, codes d'activation, services à distance). Chaque fiche produit décrit précisément ce que vous obtenez.",
      ],
      ["h2", "2. Prix"],
      [
        "p",
        "Les prix sont indiqués en francs CFA (F CFA), toutes taxes comprises. Un prix promotionnel s'applique uniquement jusqu'à la date de fin affichée sur la fiche produit. Le prix retenu est celui affiché au moment de la validation de la commande.",
      ],
      ["h2", "3. Commande et paiement"],
      [
        "p",
        "Le paiement s'effectue par mobile money, avec l'un des opérateurs proposés pour votre pays au moment de la commande, sur la page sécurisée de nos partenaires de paiement Lygos Pay ou Lengo Pay. La commande est confirmée uniquement lorsque le partenaire de paiement nous confirme l'encaissement du montant exact.",
      ],
      ["h2", "4. Livraison"],
      [
        "ul",
        [
          "**Fichiers** : un lien de téléchargement personnel s'affiche sur la page de votre commande et vous est envoyé par e-mail. Il est valable 30 jours et permet 5 téléchargements par fichier, sauf mention contraire sur la fiche produit.",
          "**Codes et licences** : le code s'affiche sur la page de votre commande et vous est envoyé par e-mail.",
          "**Accès activés par notre équipe** : nous vous contactons sur WhatsApp, en général sous 2 heures (de 8 h à 21 h, heure de Douala).",
        ],
      ],
      ["h2", "5. Utilisation des contenus"],
      [
        "p",
        "Les fichiers achetés sont réservés à votre usage personnel ou à celui de votre entreprise. Leur revente, leur partage public ou leur diffusion gratuite sont interdits.",
      ],
      ["h2", "6. Réclamations"],
      [
        "p",
        "Pour toute difficulté, contactez-nous sur WhatsApp ou par e-mail en indiquant votre numéro de commande. Les conditions de remboursement sont détaillées dans notre [politique de remboursement](/pages/politique-de-remboursement).",
      ],
      ["h2", "7. Données personnelles"],
      [
        "p",
        "Nous collectons uniquement les informations nécessaires à votre commande (nom, numéro WhatsApp, e-mail). Elles ne sont jamais revendues et servent à vous livrer et à vous assister.",
      ],
    ],
  },
  {
    slug: "politique-de-remboursement",
    title: "Politique de remboursement",
    description:
      "Quand et comment obtenir un remboursement pour un produit numérique acheté sur ASHTECH STORE : fichier défectueux, code invalide, accès non livré.",
    body: [
      [
        "p",
        "Les produits numériques sont livrés immédiatement et ne peuvent pas être « rendus ». C'est pourquoi nous appliquons une politique claire, pensée pour vous protéger.",
      ],
      ["h2", "Vous êtes remboursé si"],
      [
        "ul",
        [
          "vous avez payé mais n'avez reçu ni fichier, ni code, ni accès, et que nous ne pouvons pas vous livrer sous 48 heures ;",
          "le fichier est illisible ou ne correspond pas à la description, et nous ne pouvons pas vous en fournir une version correcte ;",
          "le code ou la licence ne fonctionne pas, et nous ne pouvons pas le remplacer ;",
          "vous avez été débité deux fois pour la même commande.",
        ],
      ],
      ["h2", "Pas de remboursement si"],
      [
        "ul",
        [
          "le fichier a été téléchargé et correspond à la description ;",
          "le code a été livré et activé ;",
          "vous avez changé d'avis après la livraison.",
        ],
      ],
      ["h2", "Comment faire une demande ?"],
      [
        "ol",
        [
          "Écrivez-nous sur [WhatsApp](" +
            WHATSAPP_URL +
            ") ou à [" +
            SHOP.email +
            "](mailto:" +
            SHOP.email +
            ") dans les 7 jours suivant l'achat.",
          "Indiquez votre numéro de commande et décrivez le problème (une capture d'écran aide beaucoup).",
          "Nous vous répondons sous 24 heures ouvrées avec une solution : remplacement ou remboursement.",
        ],
      ],
      [
        "p",
        "Le remboursement est envoyé sur le numéro mobile money qui a servi au paiement, sous 5 jours ouvrés après acceptation.",
      ],
    ],
  },
  {
    slug: "faq",
    title: "Questions fréquentes",
    description:
      "Paiement par mobile money, livraison immédiate, téléchargements, abonnements, « Mes commandes » : les réponses à vos questions sur ASHTECH STORE.",
    body: [
      ["h2", "Comment payer ?"],
      [
        "p",
        "Par mobile money, sans carte bancaire. Sur la page de commande, choisissez votre pays : la boutique affiche les opérateurs qu'elle accepte chez vous. Vous êtes ensuite dirigé vers la page sécurisée de notre partenaire de paiement, où vous saisissez votre numéro, puis vous validez le paiement sur votre téléphone.",
      ],
      ["h2", "Quand vais-je recevoir mon produit ?"],
      [
        "p",
        "**Tout de suite** après la confirmation du paiement. Pour un fichier, le bouton de téléchargement apparaît sur la page de votre commande et un e-mail vous envoie le même lien. Pour un code ou une licence, il s'affiche sur la page de commande et arrive par e-mail. Pour un abonnement activé par notre équipe, nous vous écrivons sur WhatsApp, en général sous 2 heures.",
      ],
      ["h2", "J'ai perdu mon lien de téléchargement, que faire ?"],
      [
        "p",
        "Rendez-vous dans [Mes commandes](/mes-commandes) : saisissez votre e-mail ou votre numéro WhatsApp et votre numéro de commande, ou demandez un lien d'accès par e-mail. Vous retrouvez toutes vos commandes et vos téléchargements.",
      ],
      ["h2", "Combien de fois puis-je télécharger un fichier ?"],
      [
        "p",
        "Chaque lien permet 5 téléchargements par fichier pendant 30 jours, sauf mention contraire sur la fiche produit. Pensez à enregistrer le fichier sur votre téléphone ou votre ordinateur.",
      ],
      ["h2", "Le paiement a échoué ou est resté en attente"],
      [
        "p",
        "Aucun produit n'est livré sans paiement confirmé, et aucun montant n'est perdu : si votre compte a été débité, la commande est validée automatiquement dès que l'opérateur confirme, même avec du retard. En cas de doute, contactez-nous avec votre numéro de commande.",
      ],
      ["h2", "Comment obtenir un produit gratuit ?"],
      [
        "p",
        "Cliquez sur « Obtenir gratuitement » sur la fiche produit et indiquez votre e-mail : le lien de téléchargement vous est envoyé aussitôt, sans paiement.",
      ],
      ["h2", "Une autre question ?"],
      [
        "p",
        "Notre équipe vous répond sur [WhatsApp](" +
          WHATSAPP_URL +
          ") 7 jours sur 7, de 8 h à 21 h, et par e-mail à [" +
          SHOP.email +
          "](mailto:" +
          SHOP.email +
          ").",
      ],
    ],
  },
  {
    slug: "contact",
    title: "Contact",
    description:
      "Contactez ASHTECH STORE sur WhatsApp ou par e-mail : une équipe disponible 7 jours sur 7 pour vos questions avant et après l'achat.",
    body: [
      [
        "p",
        "Une question sur un produit, une commande ou un paiement ? **Nous sommes là pour vous aider**, avant comme après votre achat.",
      ],
      ["h2", "WhatsApp (le plus rapide)"],
      [
        "p",
        "[Écrivez-nous sur WhatsApp](" +
          WHATSAPP_URL +
          ") au +237 690 00 00 00, 7 jours sur 7, de 8 h à 21 h (heure de Douala). Nous répondons en général en moins d'une heure.",
      ],
      ["h2", "E-mail"],
      ["p", "[" + SHOP.email + "](mailto:" + SHOP.email + ") : réponse sous 24 heures ouvrées."],
      ["h2", "Pour aller plus vite"],
      [
        "ul",
        [
          "indiquez votre **numéro de commande** si votre question concerne un achat ;",
          "joignez une capture d'écran en cas de message d'erreur ;",
          "consultez aussi notre [FAQ](/pages/faq), la réponse s'y trouve peut-être déjà.",
        ],
      ],
      ["h2", "Suivez-nous"],
      [
        "p",
        "Nouveautés, promos et conseils chaque semaine sur [Facebook](" +
          SHOP.facebook +
          ") et [Instagram](" +
          SHOP.instagram +
          ").",
      ],
    ],
  },
];
