namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>For the _ConfirmBox partial: a required "yes, do it" checkbox bound to <paramref name="Name"/>, with its error.</summary>
public sealed record ConfirmBoxModel(string Name, string Label);
