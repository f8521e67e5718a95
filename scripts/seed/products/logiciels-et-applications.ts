import type { ProductSeed } from "../catalog-types";
import { PROMO_LONG } from "../dates";

export const logicielsEtApplications: ProductSeed[] = [
  {
    slug: "windows-11-professionnel",
    title: "Windows 11 Professionnel (licence)",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Ouvrez **Paramètres** (touches Windows + I), puis **Système > Activation**.",
          "Cliquez sur **Modifier** à côté de « Modifier la clé de produit ».",
          "Collez la clé ci-dessus, puis cliquez sur **Suivant** et **Activer**.",
          "Redémarrez le PC : « Windows est activé » s'affiche dans Activation.",
        ],
      ],
      [
        "p",
        "Un message d'erreur ? Envoyez-nous une capture d'écran sur WhatsApp : nous vous guidons jusqu'à l'activation.",
      ],
    ],
    price: 15000,
    featured: true,
    tags: ["windows", "licence", "système", "microsoft"],
    summary:
      "Une clé de licence Windows 11 Professionnel pour un PC, livrée dès le paiement, avec le guide d'activation en français.",
    description: [
      [
        "p",
        "Fini le message « Activer Windows » en bas de l'écran. **Activez Windows 11 Professionnel en deux minutes** et profitez de toutes ses fonctions : BitLocker, bureau à distance, mises à jour de sécurité.",
      ],
      ["h3", "Comment ça marche"],
      [
        "ol",
        [
          "Vous payez par mobile money",
          "La clé s'affiche sur la page de votre commande et arrive par e-mail",
          "Vous la saisissez dans Paramètres > Système > Activation",
        ],
      ],
    ],
    features: [
      "Clé de licence Windows 11 Professionnel pour 1 PC",
      "Livrée immédiatement après le paiement",
      "Guide d'activation pas à pas en français",
      "Mise à niveau possible depuis Windows 10 ou 11 Famille",
      "Assistance WhatsApp en cas de souci d'activation",
    ],
    faq: [
      [
        "Mon ordinateur est sous Windows 10, est-ce compatible ?",
        "Oui, si votre PC remplit les conditions de Windows 11 ; le guide explique comment le vérifier en une minute.",
      ],
      ["Puis-je réinstaller Windows plus tard ?", "Oui, la licence reste liée à votre PC après une réinstallation."],
    ],
    salesCount: 233,
    publishedOn: "2026-02-25",
  },
  {
    slug: "office-2024-famille-et-petite-entreprise",
    title: "Office 2024 Famille et Petite Entreprise",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Ouvrez [setup.office.com](https://setup.office.com) et connectez-vous avec votre compte Microsoft (créez-le gratuitement au besoin).",
          "Collez la clé ci-dessus, choisissez votre pays et la langue française, puis **Suivant**.",
          "Cliquez sur **Installer Office** et lancez le fichier téléchargé.",
          "Ouvrez Word et connectez-vous avec le même compte : Office est activé pour de bon.",
        ],
      ],
      ["p", "Sur Mac, téléchargez Office depuis la même page : la clé est la même."],
    ],
    price: 25000,
    featured: true,
    tags: ["office", "word", "excel", "powerpoint", "licence", "microsoft"],
    summary:
      "Word, Excel, PowerPoint et Outlook 2024 achetés une fois, utilisés pour toujours, sur un PC ou un Mac. Licence pour usage professionnel autorisé.",
    description: [
      [
        "p",
        "Pas d'abonnement à renouveler : **vous payez une seule fois et Office 2024 est à vous**. Idéal pour un commerce, un cabinet ou un étudiant qui veut être tranquille.",
      ],
      ["p", "Vous recevez la clé et le lien d'installation officiel, avec un guide en français."],
    ],
    features: [
      "Clé de licence Office 2024 Famille et Petite Entreprise",
      "Word, Excel, PowerPoint et Outlook",
      "Licence perpétuelle pour 1 PC ou 1 Mac",
      "Usage commercial autorisé",
      "Guide d'installation en français",
    ],
    faq: [
      ["Est-ce un abonnement ?", "Non, c'est une licence définitive : aucun paiement à renouveler."],
      ["Fonctionne-t-il sur Mac ?", "Oui, la même clé s'active sur un PC Windows ou sur un Mac."],
    ],
    salesCount: 141,
    publishedOn: "2026-03-30",
  },
  {
    slug: "antivirus-eset-nod32-1-an",
    title: "Antivirus ESET NOD32 1 an",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Téléchargez ESET NOD32 Antivirus depuis [eset.com](https://www.eset.com/fr/) et lancez l'installation.",
          "Choisissez **Utiliser une clé de licence achetée**.",
          "Collez la clé ci-dessus, puis cliquez sur **Continuer**.",
          "Lancez une première **analyse de l'ordinateur** : vous êtes protégé pour un an.",
        ],
      ],
    ],
    price: 8500,
    promoPrice: 7000,
    promoEndsAt: PROMO_LONG,
    tags: ["antivirus", "sécurité", "eset", "licence"],
    summary:
      "Protégez votre ordinateur contre les virus, les clés USB infectées et les arnaques en ligne pendant 12 mois, sans ralentir votre PC.",
    description: [
      [
        "p",
        "Les clés USB passées de main en main au cybercafé ou au bureau sont la première source de virus. **ESET NOD32 bloque les menaces avant qu'elles n'abîment vos fichiers.**",
      ],
      ["p", "Léger et discret, il fonctionne même sur les ordinateurs anciens."],
    ],
    features: [
      "Licence ESET NOD32 Antivirus 1 an pour 1 PC",
      "Analyse automatique des clés USB",
      "Protection contre l'hameçonnage",
      "Léger, adapté aux PC anciens",
      "Clé livrée immédiatement",
    ],
    faq: [
      [
        "Dois-je désinstaller mon ancien antivirus ?",
        "Oui, deux antivirus ensemble ralentissent le PC ; le guide explique comment faire proprement.",
      ],
    ],
    salesCount: 96,
    publishedOn: "2026-05-05",
  },
  {
    slug: "internet-download-manager-licence-a-vie",
    title: "Internet Download Manager (licence à vie)",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Téléchargez IDM depuis [internetdownloadmanager.com](https://www.internetdownloadmanager.com/download.html) et installez-le.",
          "Ouvrez IDM, puis le menu **Enregistrement > Enregistrer**.",
          "Indiquez votre prénom, votre nom et votre e-mail, puis collez le numéro de série ci-dessus.",
          "Cliquez sur **OK** : la licence est à vie. Gardez cet e-mail pour réinstaller IDM plus tard.",
        ],
      ],
    ],
    price: 4500,
    maxQuantity: 3,
    tags: ["idm", "téléchargement", "licence", "windows"],
    summary:
      "Téléchargez jusqu'à 5 fois plus vite et reprenez vos téléchargements interrompus par une coupure de connexion ou d'électricité.",
    description: [
      [
        "p",
        "Connexion instable, coupure de courant, forfait qui s'épuise : **IDM reprend vos téléchargements exactement là où ils s'étaient arrêtés**.",
      ],
      ["p", "Licence à vie pour un PC Windows, avec les mises à jour incluses."],
    ],
    features: [
      "Licence à vie Internet Download Manager pour 1 PC",
      "Reprise des téléchargements interrompus",
      "Téléchargements accélérés",
      "Planification la nuit pour profiter des forfaits nocturnes",
      "Clé livrée immédiatement",
    ],
    faq: [
      ["Fonctionne-t-il sur Mac ?", "Non, IDM fonctionne uniquement sous Windows."],
      [
        "Puis-je en acheter pour plusieurs PC ?",
        "Oui, jusqu'à 3 licences par commande ; au-delà, écrivez-nous sur WhatsApp.",
      ],
    ],
    salesCount: 188,
    publishedOn: "2026-06-10",
  },
  {
    slug: "wondershare-filmora-1-an",
    title: "Wondershare Filmora 1 an",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Installez Filmora depuis [filmora.wondershare.fr](https://filmora.wondershare.fr) et ouvrez-le.",
          "Connectez-vous avec votre identifiant Wondershare (créez-le gratuitement au besoin).",
          "Cliquez sur l'icône de profil, puis sur **Activer** et collez la clé ci-dessus.",
          "Exportez une vidéo d'essai : elle sort sans filigrane pendant un an.",
        ],
      ],
    ],
    price: 14000,
    tags: ["filmora", "montage vidéo", "licence", "youtube"],
    summary:
      "Le logiciel de montage vidéo simple et complet pour ordinateur : effets, titres animés, musique libre et outils d'IA, pendant 12 mois.",
    description: [
      [
        "p",
        "Plus simple qu'un logiciel professionnel, plus complet qu'une application mobile : **Filmora est le bon choix pour vos vidéos YouTube, mariages et publicités**.",
      ],
      ["p", "Vous recevez une clé annuelle à activer dans votre compte Wondershare."],
    ],
    features: [
      "Licence Filmora 1 an pour 1 ordinateur",
      "Windows et Mac",
      "Effets, transitions et titres animés",
      "Outils d'IA : sous-titres, découpage, voix",
      "Export sans filigrane",
    ],
    faq: [
      ["Quel ordinateur faut-il ?", "Un PC ou Mac récent avec 8 Go de mémoire est conseillé pour un montage fluide."],
    ],
    salesCount: 72,
    publishedOn: "2026-07-29",
  },
  {
    slug: "installation-et-activation-a-distance",
    title: "Installation et activation à distance",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "manual",
    price: 2000,
    tags: ["assistance", "installation", "dépannage", "à distance"],
    summary:
      "Un technicien installe et active pour vous votre logiciel (Windows, Office, antivirus…) à distance, pendant que vous regardez.",
    description: [
      [
        "p",
        "Pas à l'aise avec l'installation ? **Un technicien Ashtech se connecte à votre ordinateur** avec votre accord, installe et active le logiciel, puis vérifie que tout fonctionne.",
      ],
      ["p", "Après le paiement, nous vous contactons sur WhatsApp pour fixer un créneau."],
    ],
    features: [
      "Une intervention à distance jusqu'à 45 minutes",
      "Installation et activation d'un logiciel",
      "Vérification du bon fonctionnement",
      "Rendez-vous fixé sur WhatsApp",
    ],
    faq: [
      [
        "Est-ce sécurisé ?",
        "Oui : vous voyez tout ce que fait le technicien et vous pouvez couper la connexion à tout moment.",
      ],
      [
        "Le logiciel est-il inclus ?",
        "Non, ce service concerne l'installation ; la licence s'achète séparément dans la boutique.",
      ],
    ],
    salesCount: 264,
    publishedOn: "2026-04-16",
  },
  {
    slug: "malwarebytes-premium-1-an",
    title: "Malwarebytes Premium 1 an",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Téléchargez Malwarebytes depuis [malwarebytes.com](https://www.malwarebytes.com/fr) et installez-le.",
          "Dans le tableau de bord, cliquez sur **Activer une licence**.",
          "Collez la clé ci-dessus, puis cliquez sur **Activer**.",
          "Lancez une **analyse** : la protection en temps réel reste active pendant un an.",
        ],
      ],
    ],
    price: 10500,
    tags: ["malwarebytes", "sécurité", "antivirus", "licence"],
    summary:
      "Nettoyez et protégez votre ordinateur contre les logiciels malveillants, publicités intrusives et rançongiciels pendant 12 mois.",
    description: [
      [
        "p",
        "Votre PC est lent, ouvre des pages publicitaires toutes seules ou affiche des alertes suspectes ? **Malwarebytes le nettoie en profondeur** et le protège ensuite en temps réel.",
      ],
    ],
    features: [
      "Licence Malwarebytes Premium 1 an pour 1 appareil",
      "Nettoyage complet des logiciels malveillants",
      "Protection contre les rançongiciels",
      "Windows, Mac et Android",
      "Clé livrée immédiatement",
    ],
    faq: [
      ["Peut-il remplacer mon antivirus ?", "Oui, Malwarebytes Premium offre une protection complète en temps réel."],
    ],
    salesCount: 49,
    publishedOn: "2026-08-26",
  },
  {
    slug: "surfshark-vpn-1-an",
    title: "Surfshark VPN 1 an",
    category: "logiciels-et-applications",
    kind: "access",
    accessDelivery: "code",
    activationSteps: [
      [
        "ol",
        [
          "Ouvrez [surfshark.com](https://surfshark.com/fr), puis **Se connecter > Activer un code**.",
          "Créez votre compte avec votre e-mail et collez le code ci-dessus.",
          "Installez l'application Surfshark sur chaque téléphone ou ordinateur de la famille et connectez-vous avec ce compte.",
          "Appuyez sur **Connexion rapide** : votre connexion est chiffrée.",
        ],
      ],
    ],
    price: 17500,
    tags: ["vpn", "sécurité", "vie privée", "wifi public"],
    summary:
      "Sécurisez vos connexions sur les Wi-Fi publics et protégez votre vie privée sur tous vos appareils, sans limite d'appareils, pendant un an.",
    description: [
      [
        "p",
        "Au café, à l'hôtel ou à l'aéroport, les Wi-Fi publics exposent vos mots de passe. **Surfshark chiffre votre connexion** sur téléphone et ordinateur.",
      ],
      ["p", "Une seule licence protège tous les appareils de la famille."],
    ],
    features: [
      "Code Surfshark VPN 12 mois",
      "Appareils illimités",
      "Android, iPhone, Windows et Mac",
      "Chiffrement de toutes vos connexions",
    ],
    faq: [
      [
        "Le VPN ralentit-il la connexion ?",
        "Très peu : choisissez un serveur proche, par exemple en Afrique du Sud ou en Europe, pour garder un bon débit.",
      ],
    ],
    salesCount: 31,
    publishedOn: "2026-11-12",
  },
];
