namespace Vbmc.Evaluation;

/// <summary>
/// Implemented by runtime values of later stages that hold other values (services, ...), so that
/// <see cref="ConfigurationChecker"/> reaches the records inside them and forces their fields.
/// </summary>
public interface ISchemeContainer
{
    IEnumerable<object> Children { get; }
}
