namespace GanDsl;

/// <summary>Pairs a declared generator with a declared discriminator into one trainable GAN.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanAttribute<TGenerator, TDiscriminator> : Attribute
    where TGenerator : class
    where TDiscriminator : class;
