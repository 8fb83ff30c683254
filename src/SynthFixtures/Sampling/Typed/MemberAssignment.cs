using System.Linq.Expressions;
using System.Reflection;

namespace SynthFixtures.Sampling.Typed;

/// <summary>An assignment of a fixed value to a member of an object, compiled once from <c>x =&gt; x.Member</c>.</summary>
internal static class MemberAssignment
{
    /// <summary>An action that sets the member <paramref name="member"/> selects to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The selector is not a settable property or field of the object itself, or the object is a value type.</exception>
    public static Action<T> Compile<T, TValue>(Expression<Func<T, TValue>> member, TValue value)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (typeof(T).IsValueType)
            throw new ArgumentException($"{typeof(T).Name} is a value type: a rule would change a copy, not the object handed out.", nameof(member));
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        if (body is not MemberExpression access || access.Expression != member.Parameters[0])
            throw new ArgumentException($"'{member}' does not select a property or field of the {typeof(T).Name} itself (write x => x.Name).", nameof(member));
        var settable = access.Member switch
        {
            PropertyInfo property => property.SetMethod is not null,
            FieldInfo field => !field.IsInitOnly && !field.IsLiteral,
            _ => false,
        };
        if (!settable)
            throw new ArgumentException($"{typeof(T).Name}.{access.Member.Name} cannot be set.", nameof(member));
        var memberType = access.Type;
        var assign = Expression.Assign(access, Expression.Convert(Expression.Constant(value, typeof(TValue)), memberType));
        return Expression.Lambda<Action<T>>(assign, member.Parameters[0]).Compile();
    }
}
