using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace NewsSite.Tests.Areas.Admin.Account;

/// <summary>What an authenticator app does (RFC 6238 over RFC 4226): 6 digits from HMAC-SHA1 of the 30-second step.</summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        // SHA-1 is what the standard and every authenticator app use for TOTP; nothing here protects data.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that no nearby time step accepts.</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Code(base32Key, at.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(code => !near.Contains(code));
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
