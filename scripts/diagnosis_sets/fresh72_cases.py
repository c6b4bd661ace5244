"""Seventy-second fresh held-out set for the diagnosis: one planted bug per program in fresh72/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is neural style transfer and perceptual losses on small convolutional features written
by hand: a fixed small feature extractor (conv3x3 - ReLU - 2x2 average pool - conv3x3 - ReLU, its
weights read from the data file, never trained) and either trainable images (Gatys: one image per
content photo, Adam) or a trainable residual conv generator (fast style transfer, SGD with
momentum; photo restoration with a perceptual loss, plain SGD), optimised with a content loss
(MSE between feature maps), a style loss on Gram matrices G = F F^T / (H W) or / (C H W) summed
over layers with layer weights, a texture loss, and a squared or L1 total-variation penalty; the
NumPy programs write out conv backward (patch scatter, col2im, full correlation with the flipped
kernel), the average-pool backward and the Gram backward. The ports use F.conv2d on buffers,
torch.bmm / torch.einsum / torch.matmul for the Gram matrices, F.mse_loss, torch.diff or slicing
for the total variation, torch.optim.Adam or SGD. fresh72/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh72_cases

Each case:
    id          short name (prefixed QT)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh72/"

PHOTOS, PAIRS = F + "photos.npz", F + "pairs.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


STYLE = ("--data", PHOTOS, *params("params['img']=img"))
STYLE_WIN = ("--data", PHOTOS, *params("params['image']=img"))
NET = ("--data", PHOTOS, "--batch-size", "8",
       *params("params['W1']=conv1.weight", "params['b1']=conv1.bias", "params['W2']=conv2.weight",
               "params['b2']=conv2.bias"))
NET_SEQ = ("--data", PHOTOS, "--batch-size", "8",
           *params("params['W1']=body.0.weight", "params['b1']=body.0.bias", "params['W2']=body.2.weight",
                   "params['b2']=body.2.bias"))
PERC = ("--data", PAIRS, "--batch-size", "8",
        *params("params['G1']=conv1.weight.permute(2,3,1,0)", "params['g1']=conv1.bias",
                "params['G2']=conv2.weight.permute(2,3,1,0)", "params['g2']=conv2.bias"))
PERC_UNFOLD = ("--data", PAIRS, "--batch-size", "8",
               *params("params['G1']=G1", "params['g1']=g1", "params['G2']=G2", "params['g2']=g2"))

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QT01_gram_norm_chw", side="port",
         args=pair("style_numpy.py", "StyleTransfer", "01_gram_norm_port.py", "StyleTransfer", *STYLE),
         mechanism="pair: the port's Gram matrix divides by c * h * w (the PyTorch tutorial's normaliser) instead "
                   "of h * w: every Gram matrix, the images' and the style targets', is C times smaller (4 at relu1, "
                   "6 at relu2), so the style loss shrinks by C^2 and its gradient by C^2 against the content and "
                   "total-variation terms; loss and image gradient differ",
         expected=("gram", "gram matrix", "normaliz", "normalis", "c * h * w", "h * w", "channels",
                   "number of channels", "style loss", "scale", "factor", "constant", "divide", "style weight")),
    dict(id="QT02_tv_diff_default_dim", side="port",
         args=pair("style_numpy.py", "StyleTransfer", "02_tv_diff_default_port.py", "StyleTransfer", *STYLE),
         mechanism="pair: the port's total variation takes torch.diff(img) with the default dim=-1 for what should "
                   "be the vertical term (dim=2): both terms are horizontal differences, the vertical neighbours are "
                   "never compared and the horizontal ones count twice, so the TV loss and the image gradient differ",
         expected=("total variation", "tv", "torch.diff", "diff", "dim=-1", "dim=2", "default", "dimension",
                   "axis", "vertical", "horizontal", "rows", "columns", "smoothness", "neighbour", "neighbor")),
    dict(id="QT03_adam_betas", side="port",
         args=pair("style_numpy.py", "StyleTransfer", "03_adam_betas_port.py", "StyleTransfer", *STYLE),
         mechanism="pair: the port builds Adam with betas=(0.5, 0.999) (copied from GAN code) where the NumPy "
                   "program uses beta1 = 0.9: the first moment averages over far fewer steps and its bias correction "
                   "1 - 0.5^t differs, so the optimizer state and the updates differ from step 2 on (at step 1 the "
                   "bias-corrected update is the same)",
         expected=("adam", "beta1", "betas", "0.5", "0.9", "first moment", "exp_avg", "momentum", "moving average",
                   "bias correction", "optimizer", "hyperparameter", "decay rate", "m_hat")),
    dict(id="QT04_sgd_nesterov", side="port",
         args=pair("stylenet_numpy.py", "StyleNet", "04_sgd_nesterov_port.py", "StyleNet", *NET),
         mechanism="pair: the port's optimizer is SGD(momentum=0.9, nesterov=True) where the NumPy program steps "
                   "with classic heavy-ball momentum p -= lr * v: Nesterov steps along g + mu * v instead of v, so the "
                   "velocity buffers agree but every update differs (at step 1 by a factor 1 + mu)",
         expected=("nesterov", "momentum", "sgd", "heavy ball", "heavy-ball", "look-ahead", "lookahead",
                   "velocity", "momentum_buffer", "g + mu", "1 + mu", "1.9", "optimizer", "update")),
    dict(id="QT05_extractor_no_padding", side="port",
         args=pair("stylenet_numpy.py", "StyleNet", "05_extractor_padding_port.py", "StyleNet", *NET),
         mechanism="pair: the port's second extractor convolution calls F.conv2d without padding=1, the default "
                   "padding=0: relu2 is 2x2 (valid convolution, the border dropped) instead of 4x4, so the relu2 "
                   "Gram matrices (of the output and of the style image) and the style loss differ, and with them "
                   "the generator's gradients",
         expected=("padding", "padding=1", "padding=0", "default", "f.conv2d", "conv2d", "valid", "same",
                   "border", "spatial size", "feature map", "extractor", "zero padding", "2x2", "relu2")),
    dict(id="QT06_pixel_mse_sum", side="port",
         args=pair("perceptual_numpy.py", "PerceptualNet", "06_pixel_sum_port.py", "PerceptualNet", *PERC),
         mechanism="pair: the port's pixel loss is F.mse_loss(out, y, reduction='sum') instead of the mean: the "
                   "pixel term is multiplied by the number of elements (8 * 3 * 8 * 8 = 1536) against the feature, "
                   "texture and TV terms, so the loss and every gradient are dominated by the pixel term",
         expected=("reduction", "sum", "mean", "mse_loss", "f.mse_loss", "pixel loss", "pixel", "number of elements",
                   "1536", "numel", "scaled", "factor", "average", "loss reduction")),
    dict(id="QT07_gram_einsum_hw_swapped", side="port",
         args=pair("perceptual_numpy.py", "PerceptualNet", "07_gram_einsum_port.py", "PerceptualNet", *PERC),
         mechanism="pair: the port's Gram einsum is 'bchw,bdwh->bcd', the second operand's spatial indices swapped: "
                   "each channel is correlated with the transposed map of the other (F_c . F_d^T over space) instead "
                   "of the same positions, which runs only because the maps are square; the texture Grams of output "
                   "and target, the texture loss and the gradients differ",
         expected=("einsum", "gram", "gram matrix", "subscript", "indices", "index", "swapped", "transpose",
                   "transposed", "spatial", "h and w", "hw", "wh", "square", "texture")),
    dict(id="QT08_max_pool", side="port",
         args=pair("perceptual_numpy.py", "PerceptualNet", "08_max_pool_port.py", "PerceptualNet", *PERC),
         mechanism="pair: the port's extractor pools relu1 with F.max_pool2d (as in VGG) instead of F.avg_pool2d: "
                   "relu2 sees each window's maximum instead of its mean, so the perceptual feature loss differs and "
                   "its gradient reaches only the argmax pixel of each window instead of a quarter to each",
         expected=("max_pool", "max pool", "max-pool", "maxpool", "avg_pool", "average pool", "average-pool",
                   "avgpool", "pooling", "pool", "vgg", "maximum", "mean", "window", "extractor")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QT09_gram_backward_half", side="numpy",
         args=pair("09_gram_backward_numpy.py", "StyleTransfer", "style_torch.py", "StyleTransfer", *STYLE),
         mechanism="pair: the Gram backward is dG @ F / (h w) instead of (dG + dG^T) @ F / (h w): the term from "
                   "the second factor of G = F F^T is dropped and, dG being symmetric, the style gradient into the "
                   "features is half what it should be (forward and loss right, the image gradient wrong)",
         expected=("gram", "gram backward", "symmetric", "transpose", "dg^t", "dg.t", "factor 2", "factor of 2",
                   "half", "twice", "product rule", "both factors", "f f^t", "style gradient", "backward")),
    dict(id="QT10_tv_grad_slice", side="numpy",
         args=pair("10_tv_slice_numpy.py", "StyleTransfer", "style_torch.py", "StyleTransfer", *STYLE),
         mechanism="pair: the vertical total-variation gradient subtracts 2 TV_W dh / n from g[:, :, 1:, :] (the "
                   "lower pixel, where it was just added) instead of g[:, :, :-1, :] (the upper pixel): the two "
                   "writes cancel, the vertical TV term contributes no gradient at all (loss right)",
         expected=("total variation", "tv", "slice", "slicing", "off by one", "off-by-one", ":-1", "1:", "shift",
                   "upper", "neighbour", "neighbor", "cancel", "vertical", "index", "backward")),
    dict(id="QT11_adam_no_m_correction", side="numpy",
         args=pair("11_adam_mhat_numpy.py", "StyleTransfer", "style_torch.py", "StyleTransfer", *STYLE),
         mechanism="pair: the Adam step uses the raw first moment m instead of the bias-corrected m_hat = m / "
                   "(1 - beta1^t): every update is scaled by 1 - 0.9^t, a tenth of the right size at step 1, the "
                   "ratio moving toward 1 with the step (gradients and moments right)",
         expected=("adam", "bias correction", "bias-correction", "m_hat", "first moment", "1 - beta1",
                   "beta1", "uncorrected", "too small", "moving with the step", "step count", "0.1",
                   "update", "exp_avg")),
    dict(id="QT12_stale_feature_cache", side="numpy",
         args=pair("12_stale_cache_numpy.py", "StyleNet", "stylenet_torch.py", "StyleNet", *NET),
         mechanism="pair: the content target's extractor pass is called without keep=False, so it overwrites the "
                   "cache the backward reads: the extractor backward uses the photo's ReLU masks and patches instead "
                   "of the generator output's, and the generator's gradients are wrong (forward and loss right)",
         expected=("cache", "stale", "overwrit", "cached", "activations", "relu mask", "mask", "wrong input",
                   "target", "content target", "second forward", "extractor", "backward", "saved", "keep")),
    dict(id="QT13_velocity_not_stored", side="numpy",
         args=pair("13_velocity_rebind_numpy.py", "StyleNet", "stylenet_torch.py", "StyleNet", *NET),
         mechanism="pair: the momentum update rebinds a local name, vel = MOMENTUM * vel + g, instead of writing "
                   "into the stored array (vel[...] = ...): self.velocity stays zero, so every step is plain SGD "
                   "p -= lr * g; the first update agrees, the velocity state never does, later updates lack the "
                   "accumulated momentum",
         expected=("momentum", "velocity", "momentum_buffer", "not stored", "never updated", "stays zero", "zero",
                   "rebind", "local variable", "in place", "in-place", "plain sgd", "accumulat", "state")),
    dict(id="QT14_gram_divides_by_size", side="numpy",
         args=pair("14_gram_size_numpy.py", "StyleNet", "stylenet_torch.py", "StyleNet", *NET),
         mechanism="pair: the Gram helper divides by f.size, which counts the batch, instead of c * h * w: the style "
                   "image's Gram (a batch of one) is right but each batch Gram is n = 8 times too small, so the style "
                   "loss differs and the backward (written with c * h * w) no longer matches it",
         expected=("gram", "normaliz", "normalis", "f.size", "size", "batch", "batch size", "n = 8", "factor 8",
                   "c * h * w", "numel", "style loss", "divide", "too small")),
    dict(id="QT15_avg_pool_backward_scale", side="numpy",
         args=pair("15_pool_backward_numpy.py", "PerceptualNet", "perceptual_torch.py", "PerceptualNet", *PERC),
         mechanism="pair: the 2x2 average-pool backward repeats the pooled gradient onto its window without the "
                   "1/4: the gradient flowing back from relu2 into relu1 is four times too large, so the feature "
                   "loss's share of the generator gradients is 4x (forward and loss right)",
         expected=("average pool", "avg_pool", "avgpool", "pool", "pooling", "1/4", "0.25", "factor 4", "4x",
                   "four times", "window", "np.repeat", "upsampl", "backward", "mean")),
    dict(id="QT16_relu_mask_post_activation", side="numpy",
         args=pair("16_relu_mask_numpy.py", "PerceptualNet", "perceptual_torch.py", "PerceptualNet", *PERC),
         mechanism="pair: the generator's ReLU backward masks with h >= 0 (the activated output) instead of z > 0: "
                   "h is never negative, so the mask is all ones and the gradient also flows through the inactive "
                   "units; the first conv layer's kernel and bias gradients are wrong",
         expected=("relu", "mask", "derivative", ">= 0", "> 0", "activated", "post-activation", "pre-activation",
                   "all ones", "inactive", "dead units", "gate", "backward", "relu derivative")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QT17_style_sliding_windows", side="correct",
         args=pair("style_windows_numpy.py", "StyleImages", "style_torch.py", "StyleTransfer", *STYLE_WIN),
         mechanism="pair: Gatys style transfer in NumPy with sliding_window_view convolutions, the input gradient "
                   "as a full correlation with the flipped, channel-swapped kernel, einsum Grams with the symmetric "
                   "backward folded into a factor 4, the TV gradient from np.diff of padded differences, Adam with "
                   "in-place moments and the bias corrections folded into the step size; against the bmm port",
         expected=()),
    dict(id="QT18_stylenet_sequential_port", side="correct",
         args=pair("stylenet_numpy.py", "StyleNet", "stylenet_seq_torch.py", "StyleNetSeq", *NET_SEQ),
         mechanism="pair: fast style transfer port with an nn.Sequential generator, a separate extractor module "
                   "with buffers and torch.clamp ReLUs, einsum Grams normalised by f[0].numel(), detached targets, "
                   "square().mean() losses, slicing for the L1 TV and SGD(momentum, foreach=False) on the generator "
                   "only", expected=()),
    dict(id="QT19_perceptual_unfold_port", side="correct",
         args=pair("perceptual_numpy.py", "PerceptualNet", "perceptual_unfold_torch.py", "PerceptualUnfold",
                   *PERC_UNFOLD),
         mechanism="pair: perceptual-loss port with raw (kh, kw, cin, cout) kernel Parameters applied by F.unfold "
                   "and a matmul (patch order permuted to unfold's (cin, kh, kw)), matmul Grams with .mT, "
                   "nn.MSELoss modules, torch.diff for the squared TV and SGD on an explicit parameter list",
         expected=()),
]
