using System.Globalization;
using WidgetStack.Blueprint.Config;

namespace WidgetStack.Blueprint.Settings;

/// <summary>
/// Reads typed values out of a <see cref="StackConfig"/>, collecting an error for every bad one
/// instead of stopping at the first, so that a stack file shows all its mistakes at once.
/// </summary>
internal sealed class ConfigReader(StackConfig config)
{
    /// <summary>How a stack file may write true: YAML's three spellings, plain or quoted.</summary>
    public static readonly IReadOnlyList<string> TrueWords = ["true", "True", "TRUE"];

    /// <summary>How a stack file may write false.</summary>
    public static readonly IReadOnlyList<string> FalseWords = ["false", "False", "FALSE"];

    private readonly List<SettingError> _errors = [];
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IntRange> _ranges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _choices = new(StringComparer.Ordinal);

    /// <summary>Every error found so far.</summary>
    public IReadOnlyList<SettingError> Errors => _errors;

    /// <summary>The range of every whole number and the words of every choice read so far, per key.</summary>
    public AcceptedValues Accepted => new(_ranges, _choices);

    /// <summary>Whether <paramref name="key"/> has Pulumi.yaml's default because the stack file does not set it.</summary>
    public bool IsDefault(string key) => config.Defaulted.Contains(key);

    /// <summary>Whether every one of <paramref name="keys"/> was read without error.</summary>
    public bool AllValid(params string[] keys) => keys.All(key => !_failed.Contains(key));

    /// <summary>Records an error against a project key.</summary>
    public void Fail(string key, string problem, string allowed)
    {
        var value = config.Get(key)?.Display ?? "(not set)";
        Fail(SettingKeys.Qualified(key), key, value, problem, allowed);
    }

    /// <summary>Records an error against any key, e.g. <c>aws:region</c>.</summary>
    public void Fail(string qualifiedKey, string key, string value, string problem, string allowed)
    {
        _errors.Add(new SettingError(qualifiedKey, value, problem, allowed));
        _failed.Add(key);
    }

    /// <summary>A whole number within <paramref name="range"/>.</summary>
    public int Integer(string key, IntRange range, string unit)
    {
        _ranges[key] = range;
        var allowed = $"a whole number of {unit}, {range}";
        if (Plain(key, allowed) is not { } text)
        {
            return range.Min;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(key, "not a whole number", allowed);
            return range.Min;
        }

        if (!range.Contains(value))
        {
            Fail(key, "out of range", allowed);
        }

        return value;
    }

    /// <summary>A decimal within <paramref name="range"/>, written with a decimal point.</summary>
    public decimal Decimal(string key, DecimalRange range, string unit)
    {
        var allowed = $"a number of {unit}, {range}, with a decimal point";
        if (Plain(key, allowed) is not { } text)
        {
            return range.Min;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Fail(key, text.Contains(',', StringComparison.Ordinal) ? "not a number (write a decimal point, not a comma)" : "not a number", allowed);
            return range.Min;
        }

        if (!range.Contains(value))
        {
            Fail(key, "out of range", allowed);
        }

        return value;
    }

    /// <summary>true or false.</summary>
    public bool Boolean(string key)
    {
        const string allowed = "true or false";
        return Plain(key, allowed) switch
        {
            null => false,
            var text when TrueWords.Contains(text) => true,
            var text when FalseWords.Contains(text) => false,
            _ => FailWith(key, "not a boolean", allowed, false),
        };
    }

    /// <summary>One of a fixed set of words, matched exactly.</summary>
    public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        _choices[key] = [.. choices.Keys];
        var allowed = string.Join(" or ", choices.Keys);
        if (Plain(key, allowed) is not { } text)
        {
            return choices.Values.First();
        }

        return choices.TryGetValue(text, out var value) ? value : FailWith(key, "not a known choice", allowed, choices.Values.First());
    }

    /// <summary>Any text; null when the key is unset, failed, or empty and <paramref name="emptyIsUnset"/>.</summary>
    public string? Text(string key, string allowed, bool emptyIsUnset = false)
    {
        if (config.Get(key) is ConfigValue.Secret && SettingKeys.MayBeSecret.Contains(key))
        {
            return LoadBalancerSettings.SecretPlaceholder;
        }

        var text = Plain(key, allowed, required: !emptyIsUnset);
        return emptyIsUnset && string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A list of words.</summary>
    public IReadOnlyList<string> List(string key, string allowed)
    {
        switch (config.Get(key))
        {
            case ConfigValue.List list:
                return list.Items;
            case null:
                Fail(key, "not set; every stack must set it", allowed);
                return [];
            default:
                Fail(key, "not a list", allowed);
                return [];
        }
    }

    private string? Plain(string key, string allowed, bool required = true)
    {
        switch (config.Get(key))
        {
            case ConfigValue.Scalar scalar:
                return scalar.Text;
            case null when required:
                Fail(key, $"not set; every stack must set it (pulumi config set {SettingKeys.Qualified(key)} <value>)", allowed);
                return null;
            case null:
                return null;
            case ConfigValue.Secret:
                Fail(key, "a secret (secure:) value, which this key cannot be", allowed + ", in plain text");
                return null;
            default:
                Fail(key, "not a single value", allowed);
                return null;
        }
    }

    private T FailWith<T>(string key, string problem, string allowed, T fallback)
    {
        Fail(key, problem, allowed);
        return fallback;
    }
}
