"""One hundred forty-fourth fresh held-out set for the diagnosis: one planted bug per program in
fresh144/ (eight PyTorch ports, eight NumPy programs) and three correct programs that must pass.
The theme is upsampling decoders and transposed convolutions written by hand on tiny 1-D and 2-D
signals. Three base programs, each a NumPy program with a hand-written backward and optimizer and
its PyTorch port (data written by fresh144/make_data.py, fixed seed; noise drawn there once):

  decoder1d  a 1-D decoder from latent codes X (32, 4, 4) to signals y (32, 1, 16): a stride-2
             transposed convolution 4 -> 3 channels (kernel 4, padding 1, length 4 -> 8), tanh, a
             second one 3 -> 1 (kernel 3, padding 1, output_padding 1, length 8 -> 16); the NumPy
             side writes each as a scatter-add of the kernel at stride steps then a crop, and its
             backward as a strided correlation of the padded output gradient; MSE over every
             element; SGD with momentum 0.9, lr 0.05 (net.velocity). Port: nn.ConvTranspose1d twice,
             F.mse_loss, torch.optim.SGD(momentum=0.9).
  unet2d     a tiny U-Net denoising 8x8 binary images X, y (16, 1, 8, 8): conv 3x3 (1 -> 4, padding
             1) + ReLU = e1, 2x2 average pool, conv 3x3 (4 -> 8) + ReLU, a 2x2 stride-2 transposed
             convolution 8 -> 4 back to 8x8, concatenation [up, e1] along the channels, a 1x1 conv
             8 -> 1 to logits; BCE on the sigmoid, mean over every pixel; Adam lr 0.01 (net.m,
             net.v, net.t). Port: nn.Conv2d, F.avg_pool2d, nn.ConvTranspose2d, torch.cat,
             F.binary_cross_entropy_with_logits, torch.optim.Adam.
  superres   1-D super-resolution X (32, 1, 8) -> y (32, 1, 16): conv k3 (1 -> 4) + tanh = h1,
             linear x2 upsampling of h1 (align_corners=False, a fixed (8, 16) matrix in NumPy),
             conv k3 (4 -> 4) + ReLU = h2, nearest x2 upsampling of h1 as a skip, concatenation
             [h2, skip] along the channels, a 1x1 head 8 -> 1 (NumPy keeps it as an (8, 1) matrix);
             MSE; SGD lr 0.1, momentum 0.9, L2 weight decay 1e-3 in the gradient. Port: nn.Conv1d,
             F.interpolate(mode="linear"), repeat_interleave, torch.cat, torch.optim.SGD.

Port bugs (TN01-TN08) are checked against the correct NumPy base, NumPy bugs (TN09-TN16) against
the correct port; the correct cases (TN17-TN19) are a decoder whose transposed convolutions are
written as correlations of the zero-dilated input with the flipped kernel (parameters in a list of
layer dicts), a functional U-Net port (nn.ParameterDict, F.conv2d, F.conv_transpose2d, BCE written
as softplus(z) - y z), and a super-resolution program with slicing upsamplings, im2col convolutions
and its parameters as attributes.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh144_cases

Each case:
    id          short name (prefixed TN)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                each gives --as-written, --data, --init, every --param, --steps 20,
                --dtype float32 and --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules or its findings; validated by exit status alone
(each buggy program exits 1, its fixed copy and each correct program exit 0).
"""

F = "scripts/diagnosis_sets/fresh144/"

COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

DECODER_PARAMS = ["--param", "params['W1']=tconv1.weight", "--param", "params['b1']=tconv1.bias",
                  "--param", "params['W2']=tconv2.weight", "--param", "params['b2']=tconv2.bias"]
UNET_PARAMS = ["--param", "params['Ke']=enc.weight", "--param", "params['be']=enc.bias",
               "--param", "params['Km']=mid.weight", "--param", "params['bm']=mid.bias",
               "--param", "params['Wu']=up.weight", "--param", "params['bu']=up.bias",
               "--param", "params['Wh']=head.weight", "--param", "params['bh']=head.bias"]
SUPERRES_PARAMS = ["--param", "params['K1']=conv1.weight", "--param", "params['c1']=conv1.bias",
                   "--param", "params['K2']=conv2.weight", "--param", "params['c2']=conv2.bias",
                   "--param", "params['W3']=head.weight.reshape(8,1)", "--param", "params['c3']=head.bias"]


def decoder(numpy="decoder1d_numpy.py", port="decoder1d_torch.py", params=DECODER_PARAMS):
    return ([F + numpy + ":Decoder1D", "--torch", F + port + ":Decoder1D",
             "--data", F + "decoder1d.npz", "--init", "net = Decoder1D()"] + params + COMMON)


def unet(numpy="unet2d_numpy.py", port="unet2d_torch.py", cls="TinyUNet", params=UNET_PARAMS):
    return ([F + numpy + ":TinyUNet", "--torch", F + port + ":" + cls,
             "--data", F + "unet2d.npz", "--init", "net = TinyUNet()"] + params + COMMON)


def superres(numpy="superres_numpy.py", port="superres_torch.py", params=SUPERRES_PARAMS):
    return ([F + numpy + ":SuperRes1D", "--torch", F + port + ":SuperRes1D",
             "--data", F + "superres.npz", "--init", "net = SuperRes1D()"] + params + COMMON)


CASES = [
    # ------------------------------------------------------------------ ports
    {"id": "TN01_mse_sum", "side": "port",
     "args": decoder(port="01_msesum_port.py"),
     "mechanism": "the port's F.mse_loss uses reduction='sum' where the NumPy decoder averages over every element",
     "expected": ("reduction", "sum", "mean", "scale", "ratio")},
    {"id": "TN02_no_zero_grad", "side": "port",
     "args": decoder(port="02_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of the port's train_step: gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "summed over steps", "previous step")},
    {"id": "TN03_cat_order", "side": "port",
     "args": unet(port="03_catorder_port.py"),
     "mechanism": "the skip connection is concatenated as torch.cat([e1, up]) instead of [up, e1]: channels in the wrong order for the 1x1 head",
     "expected": ("concat", "cat", "channel order", "order", "swapped")},
    {"id": "TN04_double_sigmoid", "side": "port",
     "args": unet(port="04_doublesigmoid_port.py"),
     "mechanism": "binary_cross_entropy_with_logits is given sigmoid(logits): the sigmoid applied twice",
     "expected": ("sigmoid", "twice", "logits", "double", "with_logits")},
    {"id": "TN05_detach_skip", "side": "port",
     "args": unet(port="05_detachskip_port.py"),
     "mechanism": "e1.detach() before the pool: the encoder conv gets gradient only through the skip connection, not the bottom path",
     "expected": ("detach", "no gradient", "skip", "path", "cut")},
    {"id": "TN06_align_corners", "side": "port",
     "args": superres(port="06_aligncorners_port.py"),
     "mechanism": "F.interpolate(mode='linear') with align_corners=True where the NumPy upsampling samples at (i + 0.5) / 2 - 0.5 (align_corners=False)",
     "expected": ("align_corners", "interpolat", "upsampl", "forward")},
    {"id": "TN07_repeat_tiles", "side": "port",
     "args": superres(port="07_repeattile_port.py"),
     "mechanism": "nearest upsampling written as h1.repeat(1, 1, 2), which tiles the signal, instead of repeat_interleave(2, dim=2)",
     "expected": ("repeat", "repeat_interleave", "nearest", "tile", "upsampl")},
    {"id": "TN08_nesterov", "side": "port",
     "args": superres(port="08_nesterov_port.py"),
     "mechanism": "torch.optim.SGD(nesterov=True) where the NumPy program uses plain (heavy-ball) momentum",
     "expected": ("nesterov", "momentum", "look-ahead", "lookahead")},
    # ------------------------------------------------------------------ numpy
    {"id": "TN09_tconv_crop_backward", "side": "numpy",
     "args": decoder(numpy="09_tconvcrop_numpy.py"),
     "mechanism": "the transposed conv backward places dout at the start of the uncropped gradient instead of at offset `padding`: the forward crop is not undone, windows shifted by one",
     "expected": ("padding", "crop", "offset", "shift", "transposed conv")},
    {"id": "TN10_tanh_twice", "side": "numpy",
     "args": decoder(numpy="10_tanhtwice_numpy.py"),
     "mechanism": "tanh derivative computed as 1 - tanh(h)^2 on the already-activated h (tanh applied twice)",
     "expected": ("tanh", "derivative", "already-activated", "activation", "twice")},
    {"id": "TN11_momentum_order", "side": "numpy",
     "args": decoder(numpy="11_momentumorder_numpy.py"),
     "mechanism": "the parameter is moved by the old velocity before the velocity is updated with this step's gradient (update one step late)",
     "expected": ("order", "momentum", "velocity", "stale", "before")},
    {"id": "TN12_bce_batch_mean", "side": "numpy",
     "args": unet(numpy="12_bcenorm_numpy.py"),
     "mechanism": "the BCE gradient divided by the batch size N instead of by every pixel N*H*W (the loss itself is the per-pixel mean)",
     "expected": ("64", "pixel", "factor", "scale", "batch size")},
    {"id": "TN13_pool_quarter", "side": "numpy",
     "args": unet(numpy="13_poolquarter_numpy.py"),
     "mechanism": "the 2x2 average-pool backward copies the gradient to each pixel of the window without the factor 1/4",
     "expected": ("pool", "average", "1/4", "0.25", "quarter")},
    {"id": "TN14_adam_vhat", "side": "numpy",
     "args": unet(numpy="14_adamvhat_numpy.py"),
     "mechanism": "Adam's second moment used without its bias correction (v_hat = v)",
     "expected": ("bias correction", "bias-correction", "v_hat", "second moment", "exp_avg_sq")},
    {"id": "TN15_cat_split", "side": "numpy",
     "args": superres(numpy="15_catsplit_numpy.py"),
     "mechanism": "the concatenation's gradient split in the wrong order: the conv path takes the skip channels' gradient and vice versa",
     "expected": ("concat", "split", "channel", "swapped", "order")},
    {"id": "TN16_skip_grad_missing", "side": "numpy",
     "args": superres(numpy="16_skipgrad_numpy.py"),
     "mechanism": "h1 feeds both upsamplings but its gradient keeps only the linear path: the nearest-upsampled skip's contribution is forgotten",
     "expected": ("skip", "nearest", "missing", "forgot", "contribution")},
    # ------------------------------------------------------------------ correct
    {"id": "TN17_dilated_tconv", "side": "correct",
     "args": decoder(numpy="17_dilated_numpy.py",
                     params=["--param", "layers[0]['w']=tconv1.weight", "--param", "layers[0]['b']=tconv1.bias",
                             "--param", "layers[1]['w']=tconv2.weight", "--param", "layers[1]['b']=tconv2.bias"]),
     "mechanism": "transposed convolutions as correlations of the zero-dilated, padded input with the flipped kernel; in-place momentum; layers in a list",
     "expected": ()},
    {"id": "TN18_functional_unet", "side": "correct",
     "args": unet(port="18_functional_port.py", cls="UNetF",
                  params=["--param", "params['Ke']=params.Ke", "--param", "params['be']=params.be",
                          "--param", "params['Km']=params.Km", "--param", "params['bm']=params.bm",
                          "--param", "params['Wu']=params.Wu", "--param", "params['bu']=params.bu",
                          "--param", "params['Wh']=params.Wh", "--param", "params['bh']=params.bh"])
             + ["--torch-init", "model = UNetF()"],
     "mechanism": "functional U-Net port: nn.ParameterDict, F.conv_transpose2d, BCE written as softplus(z) - y z",
     "expected": ()},
    {"id": "TN19_slicing_superres", "side": "correct",
     "args": superres(numpy="19_slicing_numpy.py",
                      params=["--param", "K1=conv1.weight", "--param", "c1=conv1.bias",
                              "--param", "K2=conv2.weight", "--param", "c2=conv2.bias",
                              "--param", "W3=head.weight.reshape(8,1)", "--param", "c3=head.bias"]),
     "mechanism": "upsamplings by slicing and broadcasting, im2col convolutions, weight decay folded into the velocity",
     "expected": ()},
]
