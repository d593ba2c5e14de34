using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Model;

/// <summary>A Location reduced to values, so models stay equatable and hold no syntax tree.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>A diagnostic as data: descriptor id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params object?[] args) =>
        new(descriptor.Id, LocationInfo.From(location), args.Select(a => a?.ToString() ?? "").ToImmutableArray());

    /// <summary>The diagnostic, its help link to <paramref name="helpPage"/> (D.HelpPage).</summary>
    public Diagnostic ToDiagnostic(string? helpPage) =>
        Diagnostic.Create(D.WithHelp(D.ById(Id), helpPage), Location?.ToLocation(), Arguments.Items.ToArray<object>());
}
