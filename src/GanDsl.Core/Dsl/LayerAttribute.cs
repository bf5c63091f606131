namespace GanDsl;

/// <summary>Base of every layer attribute; the stack order is the order the attributes appear in the source.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class LayerAttribute : Attribute;
