using Vbmc.Image.Guest;
using Vbmc.Lowering;

namespace Vbmc.Image.Tests;

public sealed class GuestAccountsTests
{
    private static readonly GuestAccount Offload = new("offload", 1000, "users", 100, "/home/offload", "/bin/sh", "Account used for offloading");

    [Fact]
    public void The_account_is_added_with_no_password_and_its_supplementary_groups()
    {
        var (passwd, shadow, group, gshadow) = GuestAccounts.Edit(Offload,
            "root:x:0:0:root:/root:/bin/bash\n",
            "root:*:19000:0:99999:7:::\n",
            "root:x:0:\nusers:x:100:\nkvm:x:104:\nnix-users:x:997:alice\n",
            "root:*::\nusers:*::\nkvm:!::\nnix-users:!::alice\n");
        passwd.Should().Be("root:x:0:0:root:/root:/bin/bash\noffload:x:1000:100:Account used for offloading:/home/offload:/bin/sh\n");
        shadow.Should().EndWith("offload:*::0:99999:7:::\n");
        group.Should().Be("root:x:0:\nusers:x:100:\nkvm:x:104:offload\nnix-users:x:997:alice,offload\n");
        gshadow.Should().Be("root:*::\nusers:*::\nkvm:!::offload\nnix-users:!::alice,offload\n");
    }

    [Fact]
    public void An_existing_entry_of_the_same_name_is_replaced_and_a_missing_group_is_made()
    {
        var (passwd, _, group, _) = GuestAccounts.Edit(Offload, "offload:x:5:5::/:/bin/false\n", "", "root:x:0:\n", "");
        passwd.Should().Be("offload:x:1000:100:Account used for offloading:/home/offload:/bin/sh\n");
        group.Should().Be("root:x:0:\nusers:x:100:\n");
    }

    [Fact]
    public void The_base_groups_id_wins_over_the_plans()
    {
        var (passwd, _, _, _) = GuestAccounts.Edit(Offload, "", "", "users:x:1234:\n", "");
        passwd.Should().Contain(":1000:1234:");
    }

    [Theory]
    [InlineData("Off:load")]
    [InlineData("line\nbreak")]
    public void Values_that_break_the_colon_separated_lines_are_refused(string comment)
    {
        (Offload with { Comment = comment }).Problem().Should().NotBeNull();
        Offload.Problem().Should().BeNull();
        (Offload with { Name = "Root" }).Problem().Should().NotBeNull();
    }
}
