using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace NewsSite.Tests.Builders;

/// <summary>Test pictures drawn in code, and files that only pretend to be pictures.</summary>
public static class Images
{
    /// <summary>A real image, different on every call (so its content hash is new): a gradient with a random stripe.</summary>
    public static byte[] Of(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                    [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, paint);
            var marker = Guid.NewGuid().ToByteArray();
            using var stripe = new SKPaint { Color = new SKColor(marker[0], marker[1], marker[2]) };
            canvas.DrawRect(0, 0, Math.Max(1, width / 10), height, stripe);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A 200×100 JPEG whose left half is red and right half blue, marked with EXIF orientation 6 ("turn 90° clockwise
    /// to view"): shown upright it is 100×200, red on top.
    /// </summary>
    public static byte[] SidewaysJpeg()
    {
        using var bitmap = new SKBitmap(200, 100);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 100, 100, red);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        var jpeg = data.ToArray();
        // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112) = 6.
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        byte[] app1 = [0xFF, 0xE1, 0, (byte)(2 + 6 + tiff.Length), .. "Exif\0\0"u8, .. tiff];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>A valid PNG header that claims <paramref name="width"/>×<paramref name="height"/>, with a few bytes of data.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        // A zlib stream of a few zero bytes: far too little for the claimed size, as a bomb's header would not care.
        byte[] idat = [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01];
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    /// <summary>A GIF whose logical screen claims <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] GifClaiming(ushort width, ushort height)
    {
        var screen = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(screen, width);
        BinaryPrimitives.WriteUInt16LittleEndian(screen.AsSpan(2), height);
        // One 1×1 frame at the origin with a two-colour table, then the trailer.
        return [.. "GIF89a"u8, .. screen, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        return [.. length, .. typed, .. crc];
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a test helper needs no table.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
