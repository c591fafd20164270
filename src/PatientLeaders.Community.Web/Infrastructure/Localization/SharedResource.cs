namespace PatientLeaders.Community.Web;

/// <summary>
/// The one resource source for the whole site: Resources/SharedResource.resx (British English, the keys' own
/// text), SharedResource.cy.resx (Welsh) and SharedResource.es.resx (Spanish). One source, not one per feature:
/// the same words recur across features (sign in, save, member, set, facilitator), a translator reviews one file
/// per language beside the glossary (docs/localisation.md), and a test can hold the three to the same keys.
/// Keys are the English text, so a page reads as it will show.
/// </summary>
public sealed class SharedResource;
