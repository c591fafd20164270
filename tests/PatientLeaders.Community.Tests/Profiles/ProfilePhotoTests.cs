using System.Net;
using System.Text;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Profiles;
using SkiaSharp;

namespace PatientLeaders.Community.Tests.Profiles;

/// <summary>Profile pictures: re-encoded to a small square with nothing of the original kept, shown to members only.</summary>
public sealed class ProfilePhotoTests
{
    /// <summary>A wide PNG carrying a text chunk, as a camera or editor might leave behind.</summary>
    private static byte[] PngWithMetadata(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        // Insert a tEXt chunk after the header chunk (8-byte signature + 25-byte IHDR); the CRC is not checked by decoders that skip it.
        var text = Encoding.ASCII.GetBytes("Location\0Home address, 1 Secret Lane");
        var chunk = new List<byte>();
        chunk.AddRange(BitConverter.GetBytes(text.Length).Reverse());
        chunk.AddRange("tEXt"u8.ToArray());
        chunk.AddRange(text);
        chunk.AddRange(new byte[4]);
        return [.. png.Take(33), .. chunk, .. png.Skip(33)];
    }

    [Test]
    public void APicture_BecomesASmallSquareJpeg_WithNothingOfTheOriginalFile()
    {
        var original = PngWithMetadata(600, 300);
        Assert.That(Encoding.ASCII.GetString(original), Does.Contain("Secret Lane"));
        var square = ProfilePhoto.Square(original)!;
        Assert.That(square[..3], Is.EqualTo(new byte[] { 0xFF, 0xD8, 0xFF }), "a JPEG");
        using var decoded = SKBitmap.Decode(square);
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((ProfilePhoto.Size, ProfilePhoto.Size)));
        Assert.That(Encoding.ASCII.GetString(square), Does.Not.Contain("Secret Lane"));
        Assert.That(ProfilePhoto.Square(Encoding.UTF8.GetBytes("<svg onload=alert(1)>")), Is.Null);
        Assert.That(ProfilePhoto.Square([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Is.Null, "a broken JPEG");
    }

    [Test]
    public async Task AMember_UploadsAndRemovesTheirPicture_WhichOnlyMembersCanSee()
    {
        await using var world = await ForumWorld.CreateAsync();
        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name)
        {
            var page = await world.Sam.GetPageAsync("/account/profile");
            var token = page.QuerySelector("form[action*='photo/upload'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await world.Sam.PostAsync("/account/profile/photo/upload", new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(bytes), "Photo", name },
            });
        }
        var refused = await Forms.ParseAsync(await UploadAsync(Encoding.UTF8.GetBytes("not a picture"), "photo.jpg"));
        Assert.That(refused.ErrorSummary(), Is.EqualTo(new[] { "Choose a JPEG, PNG or WebP picture" }));
        Assert.That(refused.QuerySelector("input#Photo[type=file]"), Is.Not.Null, "the form again, to choose another");

        TestApp.AssertRedirect(await UploadAsync(PngWithMetadata(400, 500), "me.png"), "/account/profile");
        var photo = await world.Kit.GetAsync("/members/sam/photo");
        Assert.That(photo.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/jpeg"));
        Assert.That(Encoding.ASCII.GetString(await photo.Content.ReadAsByteArrayAsync()), Does.Not.Contain("Secret Lane"));
        var profile = await world.Kit.GetPageAsync("/members/sam");
        Assert.That(profile.QuerySelector(".profile-head img.avatar")!.GetAttribute("src"), Does.StartWith("/members/sam/photo?v="));
        Assert.That(profile.QuerySelector(".profile-head img.avatar")!.GetAttribute("alt"), Is.Empty, "the name beside it says who it is");
        TestApp.AssertRedirect(await world.App.NewBrowser().GetAsync("/members/sam/photo"), "/account/login?ReturnUrl=");
        Assert.That((await world.Kit.GetAsync("/members/kit/photo")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no picture: initials");

        TestApp.AssertRedirect(await world.Sam.ClickAsync("/account/profile", "button[formaction*=Remove]"), "/account/profile");
        Assert.That((await world.Kit.GetPageAsync("/members/sam")).QuerySelector(".profile-head .avatar")!.TextContent.Trim(), Is.Not.Empty);
    }
}
